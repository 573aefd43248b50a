import { Alert, Anchor, Badge, Button, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { api } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { formatDateTime } from '../dates.js';
import { afterApi, type Declaration, splitMinutes } from './api.js';

/** One line of `GET /api/orgs/:orgId/incidents` (docs/api-exercises.md, "Real incidents"). */
export interface IncidentSummary {
  exerciseId: string;
  title: string;
  status: string;
  detectedAt: string;
  nextDeadline: Declaration['clocks'][number] | null;
}
interface IncidentsPage {
  items: IncidentSummary[];
  total: number;
  page: number;
  pageSize: number;
}

const PAGE_SIZE = 25;

/** The organization's incident register: newest first, each with its next declaration deadline. */
export function IncidentsListPage() {
  const { t, i18n } = useTranslation('exercises');
  const orgId = useCurrentScope().orgId ?? '';
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['exercises', 'incidents', orgId, page],
    queryFn: () => api<IncidentsPage>(`${afterApi.incidents(orgId)}?page=${page}&pageSize=${PAGE_SIZE}`),
    enabled: orgId !== '',
    // The deadlines move with time; a minute is the finest figure shown.
    refetchInterval: 60_000,
  });
  if (!orgId) return <Alert>{t('after.incident.chooseOrg')}</Alert>;
  const declare = (
    <Button component={Link} to="/exercises/incidents/new">
      {t('after.register.declare')}
    </Button>
  );
  const pages = Math.ceil((list.data?.total ?? 0) / PAGE_SIZE);
  return (
    <>
      <PageHeader title={t('after.register.title')} description={t('after.register.description')} actions={declare} />
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={list.data?.items.length === 0}
        emptyTitle={t('after.register.empty')}
        emptyDescription={t('after.register.emptyDescription')}
      >
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('after.incident.name')}</Table.Th>
                  <Table.Th>{t('after.incident.detectedAt')}</Table.Th>
                  <Table.Th>{t('after.register.status')}</Table.Th>
                  <Table.Th>{t('after.register.nextDeadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((inc) => (
                  <Table.Tr key={inc.exerciseId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/exercises/incidents/${encodeURIComponent(inc.exerciseId)}`}>
                        {inc.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDateTime(inc.detectedAt, i18n.language)}</Table.Td>
                    <Table.Td>{t(`statuses.${inc.status}`, { defaultValue: inc.status })}</Table.Td>
                    <Table.Td>
                      {inc.nextDeadline ? (
                        <Group gap="xs" wrap="nowrap">
                          <Badge color={inc.nextDeadline.state === 'overdue' ? 'red' : 'blue'}>
                            {t(`after.steps.${inc.nextDeadline.step}`)}
                          </Badge>
                          <Text size="sm">
                            {t(
                              inc.nextDeadline.state === 'overdue' ? 'after.clock.late' : 'after.clock.left',
                              splitMinutes(inc.nextDeadline.dueInMinutes ?? 0),
                            )}
                          </Text>
                        </Group>
                      ) : (
                        <Badge color="green">{t('after.register.allSent')}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 ? <Pagination value={page} onChange={setPage} total={pages} aria-label={t('after.register.pages')} /> : null}
        </Stack>
      </ListStatus>
    </>
  );
}
