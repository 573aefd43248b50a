import { Anchor, Button, Group, Tabs } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { ApiError, api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { WithOrg } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import {
  addQuestion,
  blankText,
  copyFrenchToEnglish,
  emptyForm,
  fieldMessages,
  formFromDetail,
  locateField,
  type ModuleForm,
  removeQuestion,
  toModuleInput,
} from '../module-form.js';
import type { Language, ModuleDetail, ModuleText } from '../types.js';
import { LanguageEditor } from './LanguageEditor.js';
import { MetadataFields } from './MetadataFields.js';

/** Creates a module (no id in the path) or edits an own one; translating is writing its other language tab. */
export function ModuleEditorPage() {
  const { moduleId } = useParams();
  return (
    <WithOrg>
      {(orgId) => (moduleId ? <LoadedEditor orgId={orgId} moduleId={moduleId} /> : <Editor orgId={orgId} initial={null} />)}
    </WithOrg>
  );
}

function LoadedEditor({ orgId, moduleId }: { orgId: string; moduleId: string }) {
  const detail = useQuery({
    queryKey: adminKeys.module(orgId, moduleId),
    queryFn: () => api<ModuleDetail>(adminApi.module(orgId, moduleId)),
  });
  return (
    <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
      {detail.data ? <Editor key={`${detail.data.id}:${detail.data.version}`} orgId={orgId} initial={detail.data} /> : null}
    </ListStatus>
  );
}

function Editor({ orgId, initial }: { orgId: string; initial: ModuleDetail | null }) {
  const { t } = useTranslation('learningAdmin');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ModuleForm>(() => (initial ? formFromDetail(initial) : emptyForm()));
  const [tab, setTab] = useState<Language>(initial && !initial.texts.fr && initial.texts.en ? 'en' : 'fr');
  const [confirmCopy, setConfirmCopy] = useState(false);
  const save = useMutation({
    mutationFn: (f: ModuleForm) =>
      initial
        ? api<ModuleDetail>(adminApi.module(orgId, initial.id), { method: 'PUT', body: toModuleInput(f) })
        : api<ModuleDetail>(adminApi.modules(orgId), { body: toModuleInput(f) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.module(orgId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: adminKeys.modules(orgId) });
      notify({ tone: 'success', message: t('editor.saved', { title: saved.title, version: saved.version }) });
      if (!initial) void navigate(`/learning/admin/modules/${encodeURIComponent(saved.id)}/edit`, { replace: true });
    },
  });
  const errors = save.error instanceof ApiError ? fieldMessages(save.error) : {};
  const error = (path: string) => errors[path];

  // A refused save opens the language tab the server named and moves focus to the first field in error.
  useEffect(() => {
    if (!(save.error instanceof ApiError)) return;
    const at = locateField(save.error.field);
    if (at?.language) setTab(at.language);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-module-editor] [aria-invalid="true"]')?.focus());
  }, [save.error]);

  const patch = (p: Partial<ModuleForm>) => setForm((f) => ({ ...f, ...p }));
  const setText = (lang: Language, text: ModuleText | null) => setForm((f) => ({ ...f, texts: { ...f.texts, [lang]: text } }));
  const startLanguage = (lang: Language) =>
    setForm((f) => {
      // A new translation keeps the question ids of the other language (the server checks it).
      const other = f.texts[lang === 'fr' ? 'en' : 'fr'];
      const text = blankText();
      text.questions = (other?.questions ?? []).map((q) => ({
        ...q,
        prompt: '',
        choices: q.choices.map((c) => ({ ...c, text: '', explanation: '' })),
      }));
      return { ...f, texts: { ...f.texts, [lang]: text } };
    });
  const copyFrench = () => (form.texts.en ? setConfirmCopy(true) : setForm(copyFrenchToEnglish));
  const title = initial ? t('editor.editTitle', { title: initial.title }) : t('editor.createTitle');

  return (
    <>
      <Anchor component={Link} to="/learning/admin/modules" size="sm">
        {t('catalogue.back')}
      </Anchor>
      <PageHeader title={title} description={initial ? t('editor.versionNote', { version: initial.version }) : t('editor.createNote')} />
      <form
        data-module-editor
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <MetadataFields form={form} onChange={patch} errors={errors} />
        {error('texts') ? <ErrorAlert error={new Error(error('texts'))} /> : null}
        <Tabs value={tab} onChange={(v) => setTab(v === 'en' ? 'en' : 'fr')} keepMounted={false}>
          <Tabs.List mb="md">
            {(['fr', 'en'] as const).map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`languages.${l}`)}
                {form.texts[l] ? '' : ` (${t('editor.toWrite')})`}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {(['fr', 'en'] as const).map((l) => (
            <Tabs.Panel key={l} value={l}>
              <LanguageEditor
                orgId={orgId}
                lang={l}
                text={form.texts[l]}
                onChange={(text) => setText(l, text)}
                onStart={() => startLanguage(l)}
                onCopyFrench={l === 'en' && form.texts.fr ? copyFrench : null}
                onRemoveLanguage={form.texts[l === 'fr' ? 'en' : 'fr'] ? () => setText(l, null) : null}
                onAddQuestion={() => setForm(addQuestion)}
                onRemoveQuestion={(id) => setForm((f) => removeQuestion(f, id))}
                error={error}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        <ErrorAlert error={save.error} title={t('editor.notSaved')} />
        <Group justify="flex-end" mt="md" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
          <Button variant="default" component={Link} to="/learning/admin/modules">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
      <ConfirmModal
        opened={confirmCopy}
        title={t('editor.copyFrench')}
        confirmLabel={t('editor.replaceEnglish')}
        onConfirm={() => {
          setForm(copyFrenchToEnglish);
          setConfirmCopy(false);
        }}
        onClose={() => setConfirmCopy(false)}
      >
        {t('editor.replaceEnglishText')}
      </ConfirmModal>
    </>
  );
}
