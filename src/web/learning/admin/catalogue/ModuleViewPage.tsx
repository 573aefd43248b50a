import { Anchor, Button, Card, Group, List, Stack, Tabs, Text, Title, Typography } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { Markdown } from '../../markdown-view.js';
import { WithOrg } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import type { Language, ModuleDetail, ModuleText } from '../types.js';
import { LanguageBadges, OriginBadge, StatusBadgeOf } from './module-badges.js';

/** A module as it stands, in each of its languages, with the quiz and its answers. */
export function ModuleViewPage() {
  return <WithOrg>{(orgId) => <ModuleView orgId={orgId} />}</WithOrg>;
}

function ModuleView({ orgId }: { orgId: string }) {
  const { t } = useTranslation('learningAdmin');
  const { t: ta } = useTranslation('admin');
  const { moduleId = '' } = useParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: adminKeys.module(orgId, moduleId),
    queryFn: () => api<ModuleDetail>(adminApi.module(orgId, moduleId)),
  });
  const fork = useMutation({
    mutationFn: () => api<ModuleDetail>(adminApi.fork(orgId, moduleId), { method: 'POST' }),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.modules(orgId) });
      notify({ tone: 'success', message: t('catalogue.forked', { title: copy.title }) });
      void navigate(`/learning/admin/modules/${encodeURIComponent(copy.id)}/edit`);
    },
  });
  const m = detail.data;
  const langs = (['fr', 'en'] as const).filter((l) => m?.texts[l]);
  return (
    <>
      <Anchor component={Link} to="/learning/admin/modules" size="sm">
        {t('catalogue.back')}
      </Anchor>
      <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
        {m ? (
          <>
            <PageHeader
              title={m.title}
              description={m.summary}
              actions={
                <>
                  {m.origin === 'catalogue' ? (
                    <Button onClick={() => fork.mutate()} loading={fork.isPending}>
                      {t('catalogue.fork')}
                    </Button>
                  ) : null}
                  {m.editable && m.status !== 'archived' ? (
                    <Button component={Link} to={`/learning/admin/modules/${encodeURIComponent(m.id)}/edit`}>
                      {t('catalogue.edit')}
                    </Button>
                  ) : null}
                </>
              }
            />
            <ErrorAlert error={fork.error} />
            <Group gap="xs" mb="md">
              <OriginBadge origin={m.origin} />
              <StatusBadgeOf status={m.status} />
              <LanguageBadges languages={m.languages} />
              <Text size="sm">
                {t('catalogue.version', { version: m.version })} · {t(`levels.${m.level}`)} · {t(`audiences.${m.audience}`)} ·{' '}
                {t('view.duration', { count: m.durationMinutes })}
              </Text>
            </Group>
            <Text size="sm" mb="md">
              {t('common.labelled', {
                label: t('fields.roleFamilies'),
                value: m.roleFamilies.length ? m.roleFamilies.map((f) => ta(`roleFamilies.${f}`)).join(', ') : t('common.everyone'),
              })}
            </Text>
            <Tabs defaultValue={langs[0] ?? 'fr'}>
              <Tabs.List>
                {langs.map((l) => (
                  <Tabs.Tab key={l} value={l}>
                    {t(`languages.${l}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {langs.map((l) => (
                <Tabs.Panel key={l} value={l} pt="md">
                  <TextView text={m.texts[l] as ModuleText} lang={l} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </>
        ) : null}
      </ListStatus>
    </>
  );
}

function TextView({ text, lang }: { text: ModuleText; lang: Language }) {
  const { t } = useTranslation('learningAdmin');
  return (
    <Stack lang={lang}>
      <Title order={2} size="h3">
        {t('editor.screens')}
      </Title>
      {text.screens.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, in the module's order
        <Card key={i} withBorder>
          <Title order={3} size="h4">
            {t('common.labelled', { label: t('editor.screenN', { n: i + 1 }), value: s.title })}
          </Title>
          <Typography>
            <Markdown source={s.body} />
          </Typography>
        </Card>
      ))}
      <Title order={2} size="h3">
        {t('editor.questions')}
      </Title>
      <List type="ordered" spacing="sm">
        {text.questions.map((q) => (
          <List.Item key={q.id}>
            <Text fw={600}>{q.prompt}</Text>
            <List withPadding size="sm">
              {q.choices.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, in the module's order
                <List.Item key={j}>
                  {c.correct ? t('view.correctChoice', { text: c.text }) : c.text} —{' '}
                  <Text span c="dimmed" size="sm">
                    {c.explanation}
                  </Text>
                </List.Item>
              ))}
            </List>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
