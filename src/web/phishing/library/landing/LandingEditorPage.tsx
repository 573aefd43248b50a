import { Anchor, Button, Center, Group, NativeSelect, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { ApiError, api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { HtmlField } from '../components/HtmlField.js';
import { libraryPath } from '../components/LibraryTabs.js';
import { useLivePreview } from '../components/use-live-preview.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { fieldMessages, generalError, locateField } from '../form-errors.js';
import { emptyLandingForm, type LandingForm, landingFormOf, startLandingLanguage, toLandingInput } from '../landing-form.js';
import { type Landing, type LandingKind, type LandingText, type Language, landingKinds, type TemplatePreview } from '../types.js';

const landingPlaced = ['kind', 'texts', 'texts.fr.title', 'texts.fr.html', 'texts.en.title', 'texts.en.html'];

/** Creates a landing page (no id in the path) or edits an own one. */
export function LandingEditorPage() {
  const { landingId } = useParams();
  return <WithOrg>{(orgId) => (landingId ? <Loaded orgId={orgId} id={landingId} /> : <Editor orgId={orgId} initial={null} />)}</WithOrg>;
}

function Loaded({ orgId, id }: { orgId: string; id: string }) {
  const detail = useQuery({ queryKey: libraryKeys.landing(orgId, id), queryFn: () => api<Landing>(libraryApi.landing(orgId, id)) });
  return (
    <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
      {detail.data ? <Editor key={`${detail.data.id}:${detail.data.version}`} orgId={orgId} initial={detail.data} /> : null}
    </ListStatus>
  );
}

function Editor({ orgId, initial }: { orgId: string; initial: Landing | null }) {
  const { t } = useTranslation('phishingLibrary');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<LandingForm>(() => (initial ? landingFormOf(initial) : emptyLandingForm()));
  const [tab, setTab] = useState<Language>(initial && !initial.texts.fr ? 'en' : 'fr');
  const save = useMutation({
    mutationFn: (f: LandingForm) =>
      initial
        ? api<Landing>(libraryApi.landing(orgId, initial.id), { method: 'PUT', body: toLandingInput(f) })
        : api<Landing>(libraryApi.landings(orgId), { body: toLandingInput(f) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(libraryKeys.landing(orgId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: libraryKeys.landings(orgId) });
      notify({ tone: 'success', message: t('common.saved', { title: saved.title }) });
      void navigate(libraryPath('landing-pages', `/${encodeURIComponent(saved.id)}`));
    },
  });
  const errors = fieldMessages(save.error);
  useEffect(() => {
    if (!(save.error instanceof ApiError)) return;
    const at = locateField(save.error.field);
    if (at?.language) setTab(at.language);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-landing-editor] [aria-invalid="true"]')?.focus());
  }, [save.error]);
  const setText = (l: Language, p: Partial<LandingText>) =>
    setForm((f) => ({ ...f, texts: { ...f.texts, [l]: { ...(f.texts[l] as LandingText), ...p } } }));
  return (
    <>
      <Anchor component={Link} to={libraryPath('landing-pages')} size="sm">
        {t('landings.back')}
      </Anchor>
      <PageHeader
        title={initial ? t('editor.editTitle', { title: initial.title }) : t('landings.createTitle')}
        description={initial ? t('editor.versionNote', { version: initial.version }) : t('landings.createNote')}
      />
      <form
        data-landing-editor
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <NativeSelect
          mb="md"
          maw={320}
          label={t('fields.kind')}
          value={form.kind}
          onChange={(e) => setForm((f) => ({ ...f, kind: e.currentTarget.value as LandingKind }))}
          data={landingKinds.map((v) => ({ value: v, label: t(`landingKinds.${v}`) }))}
          error={errors.kind}
        />
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
            const other = form.texts[l === 'fr' ? 'en' : 'fr'];
            return (
              <Tabs.Panel key={l} value={l}>
                {text ? (
                  <Stack gap="sm">
                    <TextInput
                      label={t('fields.title')}
                      value={text.title}
                      onChange={(e) => setText(l, { title: e.currentTarget.value })}
                      error={errors[`texts.${l}.title`]}
                      required
                    />
                    <LandingHtml
                      orgId={orgId}
                      lang={l}
                      text={text}
                      error={errors[`texts.${l}.html`]}
                      onChange={(html) => setText(l, { html })}
                    />
                    {other ? (
                      <Group justify="flex-end">
                        <Button
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() => setForm((f) => ({ ...f, texts: { ...f.texts, [l]: null } }))}
                        >
                          {t('editor.removeLanguage', { language: t(`languages.${l}`) })}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                ) : (
                  <Center py="xl">
                    <Stack align="center">
                      <Text>{t('landings.languageMissing', { language: t(`languages.${l}`) })}</Text>
                      <Button onClick={() => setForm((f) => startLandingLanguage(f, l))}>
                        {t('editor.startLanguage', { language: t(`languages.${l}`) })}
                      </Button>
                    </Stack>
                  </Center>
                )}
              </Tabs.Panel>
            );
          })}
        </Tabs>
        <ErrorAlert error={generalError(save.error, errors, landingPlaced)} title={t('editor.notSaved')} />
        <Group justify="flex-end" mt="md" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
          <Button variant="default" component={Link} to={libraryPath('landing-pages')}>
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

function LandingHtml({
  orgId,
  lang,
  text,
  error,
  onChange,
}: {
  orgId: string;
  lang: Language;
  text: LandingText;
  error?: string | undefined;
  onChange: (html: string) => void;
}) {
  const { t } = useTranslation('phishingLibrary');
  const preview = useLivePreview<Omit<TemplatePreview, 'subject'>>(libraryApi.landingPreview(orgId), { html: text.html, language: lang });
  const previewError = preview.error instanceof ApiError ? preview.error.message : preview.error ? t('common.previewFailed') : undefined;
  return (
    <HtmlField
      label={t('fields.html')}
      value={text.html}
      onChange={onChange}
      error={error}
      rendered={preview.data ?? null}
      previewError={previewError}
      previewTitle={t('landings.previewTitle', { language: t(`languages.${lang}`) })}
    />
  );
}
