import { Anchor, Group, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { ArchivedBadge, LanguageBadges, OriginBadge } from '../components/badges.js';
import { HtmlPreview } from '../components/HtmlPreview.js';
import { ItemActions } from '../components/ItemActions.js';
import { libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import type { Landing, LandingText, Language } from '../types.js';

/** One landing page in each of its languages, rendered as a recipient would see it (forms never send anything here). */
export function LandingPage() {
  const { landingId = '' } = useParams();
  return <WithOrg>{(orgId) => <LandingView orgId={orgId} id={landingId} />}</WithOrg>;
}

function LandingView({ orgId, id }: { orgId: string; id: string }) {
  const { t, i18n } = useTranslation('phishingLibrary');
  const detail = useQuery({ queryKey: libraryKeys.landing(orgId, id), queryFn: () => api<Landing>(libraryApi.landing(orgId, id)) });
  const page = detail.data;
  const langs = (['fr', 'en'] as const).filter((l) => page?.texts[l]);
  return (
    <>
      <Anchor component={Link} to={libraryPath('landing-pages')} size="sm">
        {t('landings.back')}
      </Anchor>
      <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
        {page ? (
          <>
            <PageHeader
              title={page.title}
              description={t('common.versionOf', { version: page.version, date: page.updatedAt.slice(0, 10) })}
              actions={
                <ItemActions
                  item={page}
                  forkUrl={libraryApi.landingFork(orgId, page.id)}
                  archiveUrl={libraryApi.landing(orgId, page.id)}
                  editPath={(copyId) => libraryPath('landing-pages', `/${encodeURIComponent(copyId)}/edit`)}
                  listPath={libraryPath('landing-pages')}
                  invalidate={libraryKeys.landings(orgId)}
                />
              }
            />
            <Group gap="sm" mb="md">
              <Text size="sm">{t('common.labelValue', { label: t('fields.kind'), value: t(`landingKinds.${page.kind}`) })}</Text>
              <OriginBadge origin={page.origin} />
              <LanguageBadges languages={page.languages} />
              <ArchivedBadge archived={page.archived} />
            </Group>
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
                  <Rendered orgId={orgId} lang={l} text={page.texts[l] as LandingText} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </>
        ) : null}
      </ListStatus>
    </>
  );
}

function Rendered({ orgId, lang, text }: { orgId: string; lang: Language; text: LandingText }) {
  const { t } = useTranslation('phishingLibrary');
  const preview = useQuery({
    queryKey: ['phishingLibrary', 'preview', 'landing', lang, text.html],
    queryFn: () => api<{ html: string }>(libraryApi.landingPreview(orgId), { body: { html: text.html, language: lang } }),
    staleTime: 60_000,
  });
  return (
    <>
      <Text size="sm" mb="xs">
        {t('common.labelValue', { label: t('fields.title'), value: text.title })}
      </Text>
      <ErrorAlert error={preview.error} />
      {preview.data ? <HtmlPreview html={preview.data.html} title={t('common.previewOf', { title: text.title })} height={600} /> : null}
    </>
  );
}
