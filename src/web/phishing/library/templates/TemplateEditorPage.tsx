import { Anchor, Button, Center, Group, NativeSelect, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { ApiError, api, type Page } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { RoleFamiliesSelect } from '../../../learning/admin/components/targeting-fields.js';
import { useNotify } from '../../../shell/notifications.js';
import { libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { fieldMessages, generalError, locateField } from '../form-errors.js';
import * as form$ from '../template-form.js';
import { type LandingSummary, type Language, type PremiseAlignment, premiseAlignments, type Template, templateThemes } from '../types.js';
import { TemplateLanguageFields } from './TemplateLanguageFields.js';

const textFields = ['title', 'fromName', 'fromLocalPart', 'subject', 'html', 'premiseRationale', 'cues', 'cues.'];
const templatePlaced = [
  'theme',
  'audiences',
  'landingPageId',
  'premiseAlignment',
  'texts',
  ...['fr', 'en'].flatMap((l) => textFields.map((f) => `texts.${l}.${f}`)),
];

/** Creates a template (no id in the path) or edits an own one. */
export function TemplateEditorPage() {
  const { templateId } = useParams();
  return <WithOrg>{(orgId) => (templateId ? <Loaded orgId={orgId} id={templateId} /> : <Editor orgId={orgId} initial={null} />)}</WithOrg>;
}

function Loaded({ orgId, id }: { orgId: string; id: string }) {
  const detail = useQuery({ queryKey: libraryKeys.template(orgId, id), queryFn: () => api<Template>(libraryApi.template(orgId, id)) });
  return (
    <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
      {detail.data ? <Editor key={`${detail.data.id}:${detail.data.version}`} orgId={orgId} initial={detail.data} /> : null}
    </ListStatus>
  );
}

function Editor({ orgId, initial }: { orgId: string; initial: Template | null }) {
  const { t } = useTranslation('phishingLibrary');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<form$.TemplateForm>(() => (initial ? form$.templateFormOf(initial) : form$.emptyTemplateForm()));
  const [tab, setTab] = useState<Language>(initial && !initial.texts.fr ? 'en' : 'fr');
  const landings = useQuery({
    queryKey: [...libraryKeys.landings(orgId), 'options'],
    queryFn: () => api<Page<LandingSummary>>(`${libraryApi.landings(orgId)}?pageSize=200`),
  });
  const save = useMutation({
    mutationFn: (f: form$.TemplateForm) =>
      initial
        ? api<Template>(libraryApi.template(orgId, initial.id), { method: 'PUT', body: form$.toTemplateInput(f) })
        : api<Template>(libraryApi.templates(orgId), { body: form$.toTemplateInput(f) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(libraryKeys.template(orgId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: libraryKeys.templates(orgId) });
      notify({ tone: 'success', message: t('common.saved', { title: saved.title }) });
      void navigate(libraryPath('templates', `/${encodeURIComponent(saved.id)}`));
    },
  });
  const errors = fieldMessages(save.error);
  // A refused save opens the language the server named and focuses the first field in error.
  useEffect(() => {
    if (!(save.error instanceof ApiError)) return;
    const at = locateField(save.error.field);
    if (at?.language) setTab(at.language);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-template-editor] [aria-invalid="true"]')?.focus());
  }, [save.error]);

  const patch = (p: Partial<form$.TemplateForm>) => setForm((f) => ({ ...f, ...p }));
  const title = initial ? t('editor.editTitle', { title: initial.title }) : t('editor.createTemplate');
  const landingOptions = [
    { value: '', label: t('editor.noLanding') },
    ...(landings.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.title} (${t(`origins.${l.origin}`)})` })),
  ];
  return (
    <>
      <Anchor
        component={Link}
        to={initial ? libraryPath('templates', `/${encodeURIComponent(initial.id)}`) : libraryPath('templates')}
        size="sm"
      >
        {t('templates.back')}
      </Anchor>
      <PageHeader title={title} description={initial ? t('editor.versionNote', { version: initial.version }) : t('editor.createNote')} />
      <form
        data-template-editor
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="md">
          <NativeSelect
            label={t('fields.theme')}
            value={form.theme}
            onChange={(e) => patch({ theme: e.currentTarget.value })}
            data={templateThemes.map((v) => ({ value: v, label: t(`themes.${v}`) }))}
            error={errors.theme}
          />
          <NativeSelect
            label={t('fields.premiseAlignment')}
            description={t('editor.premiseHint')}
            value={form.premiseAlignment}
            onChange={(e) => patch({ premiseAlignment: e.currentTarget.value as PremiseAlignment })}
            data={premiseAlignments.map((v) => ({ value: v, label: t(`premise.${v}`) }))}
            error={errors.premiseAlignment}
          />
          <NativeSelect
            label={t('fields.landingPage')}
            value={form.landingPageId ?? ''}
            onChange={(e) => patch({ landingPageId: e.currentTarget.value || null })}
            data={landingOptions}
            error={errors.landingPageId}
          />
          <RoleFamiliesSelect
            label={t('fields.audiences')}
            description={t('editor.audiencesHint')}
            value={form.audiences}
            onChange={(audiences) => patch({ audiences })}
            error={errors.audiences}
          />
        </SimpleGrid>
        {errors.texts ? <ErrorAlert error={new Error(errors.texts)} /> : null}
        <Tabs value={tab} onChange={(v) => setTab(v === 'en' ? 'en' : 'fr')}>
          <Tabs.List mb="md">
            {(['fr', 'en'] as const).map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`languages.${l}`)}
                {form.texts[l] ? '' : ` (${t('editor.toWrite')})`}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {(['fr', 'en'] as const).map((l) => {
            const text = form.texts[l];
            const other = l === 'fr' ? 'en' : 'fr';
            return (
              <Tabs.Panel key={l} value={l}>
                {text ? (
                  <TemplateLanguageFields
                    orgId={orgId}
                    lang={l}
                    text={text}
                    errors={errors}
                    onChange={(p) => setForm((f) => ({ ...f, texts: { ...f.texts, [l]: { ...(f.texts[l] as typeof text), ...p } } }))}
                    onRemoveLanguage={form.texts[other] ? () => setForm((f) => ({ ...f, texts: { ...f.texts, [l]: null } })) : null}
                    cues={{
                      onAdd: () => setForm(form$.addCue),
                      onRemove: (i) => setForm((f) => form$.removeCue(f, i)),
                      onKey: (i, p) => setForm((f) => form$.setCueKey(f, i, p)),
                      onText: (i, p) => setForm((f) => form$.setCueText(f, l, i, p)),
                    }}
                  />
                ) : (
                  <Center py="xl">
                    <Stack align="center">
                      <Text>{t('editor.languageMissing', { language: t(`languages.${l}`) })}</Text>
                      <Button onClick={() => setForm((f) => form$.startLanguage(f, l))}>
                        {t('editor.startLanguage', { language: t(`languages.${l}`) })}
                      </Button>
                    </Stack>
                  </Center>
                )}
              </Tabs.Panel>
            );
          })}
        </Tabs>
        <ErrorAlert error={generalError(save.error, errors, templatePlaced)} title={t('editor.notSaved')} />
        <Group justify="flex-end" mt="md" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
          <Button variant="default" component={Link} to={libraryPath('templates')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </>
  );
}
