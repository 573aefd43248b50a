import { Alert, Anchor, Button, Card, Group, List, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.js';
import { DueSummary } from '../learning/due-summary.js';
import { useMe } from '../me.js';
import { useCurrentScope } from '../shell/scope.js';
import { LoadError, PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { type HomeCard, type HomeItem, itemLink, parseCards } from './cards.js';

/** Where every role lands after signing in: what to do now. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle('home.title');
  const me = useMe();
  const home = useQuery({ queryKey: ['home'], queryFn: () => api<unknown>('/api/home'), select: parseCards });
  const name = me.data?.account?.displayName;

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{name ? t('home.greeting', { name }) : t('home.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('home.intro')}
        </Text>
      </div>
      {home.isPending && <PageLoader />}
      {home.isError && <LoadError error={home.error} onRetry={() => void home.refetch()} />}
      {home.data && home.data.length === 0 && (
        <Card withBorder padding="lg">
          <Text>{t('home.nothing')}</Text>
        </Card>
      )}
      {home.data && home.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {home.data.map((card, i) => (
            <HomeCardView key={`${card.kind}-${card.scope?.id ?? i}`} card={card} index={i} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function HomeCardView({ card, index }: { card: HomeCard; index: number }) {
  const id = `home-card-${index}`;
  switch (card.kind) {
    case 'second_factor':
      return <SecondFactorCard card={card} id={id} />;
    case 'org_setup':
      return <ChecklistCard card={card} id={id} />;
    case 'territory_overview':
      return <TerritoryCard card={card} id={id} />;
    case 'platform_overview':
      return <CountsCard card={card} id={id} />;
    case 'learner':
      return <LearnerCard card={card} id={id} />;
  }
}

function Frame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A label for a card item: our wording for known keys, the key itself otherwise. */
function useItemLabel() {
  const { t, i18n } = useTranslation();
  return (item: HomeItem) => {
    const key = `home.items.${item.key}`;
    const params = { count: item.count ?? 0, name: item.ref?.name ?? '' };
    return i18n.exists(key) ? t(key, params) : item.key;
  };
}

/** The figure behind a checklist item ("240 active people"), when the server gives one. */
function useItemCount() {
  const { t, i18n } = useTranslation();
  return (item: HomeItem): string | null => {
    const key = `home.itemCounts.${item.key}`;
    if (item.count === null || !i18n.exists(key, { count: item.count })) return null;
    return t(key, { count: item.count, n: new Intl.NumberFormat(i18n.language).format(item.count) });
  };
}

function SecondFactorCard({ card, id }: { card: HomeCard; id: string }) {
  const { t } = useTranslation();
  const label = useItemLabel();
  return (
    <Frame id={id} title={t('home.secondFactor.title')}>
      <Alert color="yellow" variant="light" mb="md">
        {t('home.secondFactor.body')}
      </Alert>
      <Group>
        {card.items.map((item) => {
          const to = itemLink(item);
          return to ? (
            <Button key={item.key} component={Link} to={to}>
              {label(item)}
            </Button>
          ) : null;
        })}
      </Group>
    </Frame>
  );
}

function ChecklistCard({ card, id }: { card: HomeCard; id: string }) {
  const { t } = useTranslation();
  const scope = useCurrentScope();
  const label = useItemLabel();
  const itemCount = useItemCount();
  const done = card.items.filter((i) => i.done).length;
  const total = card.items.length;
  // The admin pages work on the organization of the header switcher: follow the card's one.
  const choose = () => {
    if (card.scope?.kind === 'organization') scope.setOrg(card.scope.id);
  };
  return (
    <Frame id={id} title={card.scope ? t('home.checklist.titleFor', { name: card.scope.name }) : t('home.checklist.title')}>
      <Text size="sm" c="dimmed" id={`${id}-progress`}>
        {t('home.checklist.progress', { done, total })}
      </Text>
      <Progress.Root mt={6} mb="md">
        <Progress.Section value={total ? (done / total) * 100 : 0} color="teal.8" aria-labelledby={`${id}-progress`} />
      </Progress.Root>
      <List spacing="sm" listStyleType="none" p={0} m={0}>
        {card.items.map((item) => {
          const to = itemLink(item);
          return (
            <List.Item key={`${item.key}-${item.ref?.id ?? ''}`}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon
                  size={22}
                  radius="xl"
                  color={item.done ? 'teal.8' : 'gray.6'}
                  variant={item.done ? 'filled' : 'outline'}
                  aria-hidden
                >
                  <span style={{ fontSize: 12, lineHeight: 1 }}>{item.done ? '✓' : ''}</span>
                </ThemeIcon>
                <div>
                  {to && !item.done ? (
                    <Anchor component={Link} to={to} onClick={choose}>
                      {label(item)}
                    </Anchor>
                  ) : (
                    <Text>{label(item)}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {item.done ? t('home.checklist.done') : t('home.checklist.todo')}
                    {itemCount(item) && ` · ${itemCount(item)}`}
                  </Text>
                </div>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Frame>
  );
}

function Counts({ counts }: { counts: Record<string, number> }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" component="dl" m={0}>
      {Object.entries(counts).map(([key, value]) => (
        <div key={key}>
          <Text component="dt" size="sm" c="dimmed">
            {i18n.exists(`home.counts.${key}`) ? t(`home.counts.${key}`) : key}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {fmt.format(value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function CountsCard({ card, id }: { card: HomeCard; id: string }) {
  const { t } = useTranslation();
  return (
    <Frame id={id} title={t('home.platform.title')}>
      <Counts counts={card.counts} />
      <Group mt="md" gap="md">
        <Anchor component={Link} to="/admin/organizations">
          {t('home.platform.organizations')}
        </Anchor>
        <Anchor component={Link} to="/admin/territories">
          {t('home.platform.territories')}
        </Anchor>
      </Group>
    </Frame>
  );
}

function TerritoryCard({ card, id }: { card: HomeCard; id: string }) {
  const { t } = useTranslation();
  const scope = useCurrentScope();
  const label = useItemLabel();
  const choose = () => {
    if (card.scope?.kind === 'territory') scope.setTerritory(card.scope.id);
  };
  return (
    <Frame id={id} title={card.scope ? t('home.territory.titleFor', { name: card.scope.name }) : t('home.territory.title')}>
      <Counts counts={card.counts} />
      {card.items.length > 0 && (
        <>
          <Text fw={600} mt="md" mb={4}>
            {t('home.territory.attention')}
          </Text>
          <List spacing={4}>
            {card.items.map((item) => (
              <List.Item key={`${item.key}-${item.ref?.id ?? ''}`}>{label(item)}</List.Item>
            ))}
          </List>
        </>
      )}
      <Anchor component={Link} to="/admin/territories" onClick={choose} mt="md" display="inline-block">
        {t('home.territory.open')}
      </Anchor>
    </Frame>
  );
}

function LearnerCard({ card, id }: { card: HomeCard; id: string }) {
  const { t } = useTranslation();
  const label = useItemLabel();
  const due = card.items.filter((i) => !i.done);
  // The learning module says what is due (GET /api/learning/me); the card's own items, if the
  // server ever sends some, are the fallback.
  const nothing =
    due.length === 0 ? (
      <Stack gap={4}>
        <Text fw={600}>{t('home.due.emptyTitle')}</Text>
        <Text c="dimmed">{t('home.due.empty')}</Text>
      </Stack>
    ) : (
      <List spacing="sm">
        {due.map((item) => (
          <List.Item key={`${item.key}-${item.ref?.id ?? ''}`}>{label(item)}</List.Item>
        ))}
      </List>
    );
  return (
    <Frame id={id} title={t('home.due.title')}>
      <DueSummary empty={nothing} />
      {card.scope && (
        <Text size="sm" c="dimmed" mt="md">
          {t('home.due.organization', { name: card.scope.name })}
        </Text>
      )}
    </Frame>
  );
}
