import { Anchor, Badge, Button, Card, Center, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ListStatus } from '../components/ListStatus.js';
import { PageHeader } from '../components/PageHeader.js';
import { Th } from '../components/SortableTh.js';
import { endpoints } from '../endpoints.js';
import type { Organization } from '../types.js';
import { OrganizationForm } from './OrganizationForm.js';

/** One organization: its identity card, editable, and the territories it belongs to. */
export function OrganizationDetailPage() {
  const { t } = useTranslation('admin');
  const { orgId = '' } = useParams();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const org = useQuery({ queryKey: ['admin', 'organization', orgId], queryFn: () => api<Organization>(endpoints.organization(orgId)) });

  if (org.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (org.error) return <ErrorAlert error={org.error} />;
  const o = org.data;
  const territories = o.territories ?? [];

  return (
    <Stack>
      <Anchor component={Link} to="/admin/organizations" size="sm">
        {t('organizations.backToList')}
      </Anchor>
      <PageHeader
        title={o.name}
        description={t(`organizationKinds.${o.kind}`)}
        actions={
          editing ? null : (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Card withBorder>
        {editing ? (
          <OrganizationForm
            initial={o}
            submitLabel={t('common.save')}
            onSubmit={(input) => api<Organization>(endpoints.organization(orgId), { method: 'PATCH', body: input })}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              void queryClient.invalidateQueries({ queryKey: ['admin', 'organization', orgId] });
              void queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] });
            }}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="sm">
            <Field label={t('organizations.fields.shortName')} value={o.shortName} />
            <Field label={t('organizations.fields.kind')} value={t(`organizationKinds.${o.kind}`)} />
            <Field label={t('organizations.fields.siret')} value={o.siret} />
            <Field label={t('organizations.fields.city')} value={o.city} />
          </SimpleGrid>
        )}
      </Card>
      <Title order={2} size="h3">
        {t('organizations.territories')}
      </Title>
      <ListStatus isPending={false} error={null} isEmpty={territories.length === 0} emptyTitle={t('organizations.noTerritories')}>
        <DataTable
          caption={t('organizations.territories')}
          minWidth={480}
          head={
            <>
              <Th>{t('territories.fields.name')}</Th>
              <Th>{t('territories.fields.kind')}</Th>
              <Th>{t('territories.members.role')}</Th>
            </>
          }
        >
          {territories.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/territories/${tr.id}`}>
                  {tr.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`territoryKinds.${tr.kind}`)}</Table.Td>
              <Table.Td>{tr.isLead ? <Badge>{t('territories.members.lead')}</Badge> : t('territories.members.member')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation('admin');
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {value || t('common.none')}
      </Text>
    </div>
  );
}
