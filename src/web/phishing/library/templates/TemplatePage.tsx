import { Anchor, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { ArchivedBadge, DifficultyBadge, LanguageBadges, OriginBadge } from '../components/badges.js';
import { HtmlPreview } from '../components/HtmlPreview.js';
import { ItemActions } from '../components/ItemActions.js';
import { libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import type { Landing, Language, Template, TemplatePreview, TemplateText } from '../types.js';

/** One template: its two languages, its cues (the clues a careful reader spots) and the email as rendered. */
export function TemplatePage() {
  const { templateId = '' } = useParams();
  return <WithOrg>{(orgId) => <TemplateView orgId={orgId} id={templateId} />}</WithOrg>;
}

function TemplateView({ orgId, id }: { orgId: string; id: string }) {
  const { t, i18n } = useTranslation('phishingLibrary');
  const detail = useQuery({ queryKey: libraryKeys.template(orgId, id), queryFn: () => api<Template>(libraryApi.template(orgId, id)) });
  const tpl = detail.data;
  const langs = (['fr', 'en'] as const).filter((l) => tpl?.texts[l]);
  return (
    <>
      <Anchor component={Link} to={libraryPath('templates')} size="sm">
        {t('templates.back')}
      </Anchor>
      <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
        {tpl ? (
          <>
            <PageHeader
              title={tpl.title}
              description={t('common.versionOf', { version: tpl.version, date: tpl.updatedAt.slice(0, 10) })}
              actions={
                <ItemActions
                  item={tpl}
                  forkUrl={libraryApi.templateFork(orgId, tpl.id)}
                  archiveUrl={libraryApi.template(orgId, tpl.id)}
                  editPath={(copyId) => libraryPath('templates', `/${encodeURIComponent(copyId)}/edit`)}
                  listPath={libraryPath('templates')}
                  invalidate={libraryKeys.templates(orgId)}
                />
              }
            />
            <Group gap="sm" mb="md">
              <DifficultyBadge difficulty={tpl.difficulty} />
              <OriginBadge origin={tpl.origin} />
              <LanguageBadges languages={tpl.languages} />
              <ArchivedBadge archived={tpl.archived} />
              <Text size="sm">
                {t('common.labelValue', { label: t('fields.theme'), value: t(`themes.${tpl.theme}`, { defaultValue: tpl.theme }) })}
              </Text>
              <Text size="sm">
                {t('common.labelValue', { label: t('fields.premiseAlignment'), value: t(`premise.${tpl.premiseAlignment}`) })}
              </Text>
              <Text size="sm">{t('templates.cueCount', { count: tpl.cueCount })}</Text>
            </Group>
            <TemplateContext orgId={orgId} tpl={tpl} />
            <Tabs defaultValue={langs.find((l) => i18n.language.startsWith(l)) ?? langs[0] ?? 'fr'}>
              <Tabs.List mb="md">
                {langs.map((l) => (
                  <Tabs.Tab key={l} value={l}>
                    {t(`languages.${l}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {langs.map((l) => (
                <Tabs.Panel key={l} value={l}>
                  <LanguageView orgId={orgId} lang={l} text={tpl.texts[l] as TemplateText} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </>
        ) : null}
      </ListStatus>
    </>
  );
}

/** Who the premise is written for and where a click leads. */
function TemplateContext({ orgId, tpl }: { orgId: string; tpl: Template }) {
  const { t } = useTranslation('phishingLibrary');
  const { t: ta } = useTranslation('admin');
  const landingId = tpl.landingPageId;
  const landing = useQuery({
    queryKey: libraryKeys.landing(orgId, landingId ?? ''),
    queryFn: () => api<Landing>(libraryApi.landing(orgId, landingId ?? '')),
    enabled: landingId !== null,
  });
  const audiences = tpl.audiences.length ? tpl.audiences.map((a) => ta(`roleFamilies.${a}`)).join(', ') : t('editor.audiencesHint');
  return (
    <Group gap="lg" mb="md">
      <Text size="sm">{t('common.labelValue', { label: t('fields.audiences'), value: audiences })}</Text>
      <Text size="sm">
        {t('common.labelOnly', { label: t('fields.landingPage') })}{' '}
        {landingId ? (
          <Anchor component={Link} to={libraryPath('landing-pages', `/${encodeURIComponent(landingId)}`)}>
            {landing.data?.title ?? landingId}
          </Anchor>
        ) : (
          t('editor.noLanding')
        )}
      </Text>
    </Group>
  );
}

function LanguageView({ orgId, lang, text }: { orgId: string; lang: Language; text: TemplateText }) {
  const { t } = useTranslation('phishingLibrary');
  const preview = useQuery({
    queryKey: ['phishingLibrary', 'preview', 'template', lang, text.subject, text.html],
    queryFn: () =>
      api<TemplatePreview>(libraryApi.templatePreview(orgId), { body: { subject: text.subject, html: text.html, language: lang } }),
    staleTime: 60_000,
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs">
        <Text size="sm">{t('common.labelValue', { label: t('fields.from'), value: `${text.fromName} <${text.fromLocalPart}@…>` })}</Text>
        <Text size="sm">{t('common.labelValue', { label: t('fields.subject'), value: preview.data?.subject ?? text.subject })}</Text>
        <ErrorAlert error={preview.error} />
        {preview.data ? <HtmlPreview html={preview.data.html} title={t('common.previewOf', { title: text.title })} /> : null}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('cues.title')}
        </Title>
        {text.premiseRationale ? (
          <Text size="sm" c="dimmed">
            {text.premiseRationale}
          </Text>
        ) : null}
        {text.cues.length === 0 ? (
          <Text size="sm">{t('cues.none')}</Text>
        ) : (
          <DataTable
            caption={t('cues.title')}
            minWidth={420}
            head={
              <>
                <Th>{t('cues.category')}</Th>
                <Th>{t('cues.label')}</Th>
              </>
            }
          >
            {text.cues.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`cueCategories.${c.category}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.explanation}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </SimpleGrid>
  );
}
