import { Anchor, Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { useMe } from '../me.js';
import { useCurrentScope } from '../shell/scope.js';
import { isOrgAdmin } from './can.js';
import { territoryApi } from './endpoints.js';
import { dayLabel } from './format.js';
import { planPath } from './PairingsSection.js';
import type { Plan } from './types.js';

/** The mentoring I take part in: as a mentor, and as an admin of a mentored organization. */
export function MyMentoringPage() {
  const { t } = useTranslation('territory');
  const { orgId } = useCurrentScope();
  const me = useMe().data?.account;
  const menteeAdmin = Boolean(orgId && me && isOrgAdmin(me, orgId));
  const mine = useQuery({ queryKey: ['mentoring-mine'], queryFn: () => api<{ items: Plan[] }>(territoryApi.myMentoring) });
  const mentee = useQuery({
    queryKey: ['mentoring-mentee', orgId],
    queryFn: () => api<{ items: Plan[] }>(territoryApi.menteeMentoring(orgId ?? '')),
    enabled: menteeAdmin,
  });
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      <Stack gap="lg">
        {menteeAdmin ? (
          <Section
            title={t('mine.asMentee')}
            empty={t('mine.noMentor')}
            plans={mentee.data?.items}
            pending={mentee.isPending}
            error={mentee.error}
            side="mentee"
          />
        ) : null}
        <Section
          title={t('mine.asMentor')}
          empty={t('mine.noMentee')}
          plans={mine.data?.items}
          pending={mine.isPending}
          error={mine.error}
          side="mentor"
        />
      </Stack>
    </>
  );
}

function Section(p: {
  title: string;
  empty: string;
  plans: Plan[] | undefined;
  pending: boolean;
  error: unknown;
  side: 'mentor' | 'mentee';
}) {
  const { t, i18n } = useTranslation('territory');
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  return (
    <section aria-label={p.title}>
      <Title order={2} size="h3" mb="sm">
        {p.title}
      </Title>
      <ListStatus isPending={p.pending} error={p.error} isEmpty={(p.plans?.length ?? 0) === 0} emptyTitle={p.empty}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {p.plans?.map((plan) => {
            const open = plan.goals.filter((g) => g.status === 'planned' || g.status === 'in_progress').length;
            const last = plan.sessions[0];
            return (
              <Paper key={plan.id} withBorder p="md">
                <Anchor component={Link} to={planPath(plan)} fw={600}>
                  {p.side === 'mentor' ? plan.mentee.name : plan.mentor.displayName}
                </Anchor>
                {p.side === 'mentee' ? (
                  <Text size="xs" c="dimmed">
                    {plan.mentor.organization.name}
                  </Text>
                ) : null}
                {plan.endedAt ? (
                  <Badge size="sm" variant="outline" color="gray.9" mt={4}>
                    {t('plan.ended', { date: date(plan.endedAt) })}
                  </Badge>
                ) : null}
                <Text size="sm" mt="xs">
                  {t('mine.openGoals', { count: open })}
                </Text>
                <Text size="sm">{last ? t('mine.lastSession', { date: dayLabel(last.heldOn, i18n.language) }) : t('mine.noSession')}</Text>
              </Paper>
            );
          })}
        </SimpleGrid>
      </ListStatus>
    </section>
  );
}
