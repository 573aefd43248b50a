import './print.css';
import { Anchor, Button, Card, Center, CopyButton, Group, Image, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { endpoints } from '../../../admin/endpoints.js';
import type { Organization } from '../../../admin/types.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { WithOrg } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import { formatCount } from '../metrics-display.js';
import type { PublicPageSettings } from '../types.js';

/** The public awareness page for patients: its link, whether it is open, its QR code and a poster to print. */
export function PatientPageSettings() {
  return <WithOrg>{(orgId) => <PatientPage orgId={orgId} />}</WithOrg>;
}

function PatientPage({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('learningAdmin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const page = useQuery({ queryKey: adminKeys.publicPage(orgId), queryFn: () => api<PublicPageSettings>(adminApi.publicPage(orgId)) });
  const org = useQuery({ queryKey: ['admin', 'organization', orgId], queryFn: () => api<Organization>(endpoints.organization(orgId)) });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => api<PublicPageSettings>(adminApi.publicPage(orgId), { method: 'PUT', body: { enabled } }),
    onSuccess: (data) => {
      queryClient.setQueryData(adminKeys.publicPage(orgId), data);
      notify({ tone: 'success', message: data.enabled ? t('patient.opened') : t('patient.closed') });
    },
  });
  const p = page.data;
  const l = i18n.language;
  return (
    <>
      <PageHeader title={t('patient.title')} description={t('patient.description')} />
      <ListStatus isPending={page.isPending} error={page.error} isEmpty={false} emptyTitle="">
        {p ? (
          <Stack gap="lg">
            <Card withBorder>
              <Stack>
                <Switch
                  label={t('patient.enabled')}
                  description={t('patient.enabledHint')}
                  checked={p.enabled}
                  disabled={toggle.isPending}
                  onChange={(e) => toggle.mutate(e.currentTarget.checked)}
                />
                <ErrorAlert error={toggle.error} />
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {t('patient.link')}
                  </Text>
                  <Anchor href={p.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
                    {p.url}
                  </Anchor>
                  <CopyButton value={p.url}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="default" onClick={copy} aria-live="polite">
                        {copied ? t('patient.copied') : t('patient.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <SimpleGrid cols={2} component="dl" m={0} maw={420}>
                  <div>
                    <Text component="dt" size="sm" c="dimmed">
                      {t('patient.views')}
                    </Text>
                    <Text component="dd" m={0} fz={24} fw={700}>
                      {formatCount(p.views, l)}
                    </Text>
                  </div>
                  <div>
                    <Text component="dt" size="sm" c="dimmed">
                      {t('patient.completions')}
                    </Text>
                    <Text component="dd" m={0} fz={24} fw={700}>
                      {formatCount(p.completions, l)}
                    </Text>
                  </div>
                </SimpleGrid>
                <Text size="xs" c="dimmed">
                  {t('patient.privacy')}
                </Text>
              </Stack>
            </Card>
            <Group>
              <Button onClick={() => window.print()}>{t('patient.print')}</Button>
            </Group>
            <Paper withBorder p="xl" className="patient-poster">
              <Stack align="center" gap="md">
                <Title order={2} ta="center">
                  {t('patient.posterTitle')}
                </Title>
                {org.data ? (
                  <Text ta="center" fw={600}>
                    {org.data.name}
                  </Text>
                ) : null}
                <Text ta="center">{t('patient.posterText')}</Text>
                <Center>
                  <Image src={adminApi.publicPageQr(orgId)} alt={t('patient.qrAlt', { url: p.url })} w={240} h={240} fit="contain" />
                </Center>
                <Text ta="center" size="sm" style={{ wordBreak: 'break-all' }}>
                  {p.url}
                </Text>
                {!p.enabled ? (
                  <Text c="red.9" size="sm" className="no-print" role="note">
                    {t('patient.closedWarning')}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}
