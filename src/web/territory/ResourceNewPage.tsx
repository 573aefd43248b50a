import { Anchor, Button, Group, NativeSelect, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { territoryApi } from './endpoints.js';
import { resourcePath } from './LibraryPage.js';
import { WithLibrary } from './library-scope.js';
import { audiences, libraryLanguages, type ResourceDetail, type ResourceKind, resourceKinds } from './types.js';

/** A coordinator adds a resource: its description and, if ready, its first Markdown version. */
export function ResourceNewPage() {
  const { territoryId = '' } = useParams();
  return (
    <WithLibrary territoryParam={territoryId}>
      {(a) => (a.canManage ? <NewResource territoryId={a.scope.territoryId} /> : null)}
    </WithLibrary>
  );
}

function NewResource({ territoryId }: { territoryId: string }) {
  const { t, i18n } = useTranslation('territory');
  const navigate = useNavigate();
  const scope = { kind: 'territory' as const, territoryId };
  const [form, setForm] = useState({
    title: '',
    summary: '',
    kind: 'procedure' as ResourceKind,
    audience: 'all_staff',
    language: i18n.language === 'en' ? 'en' : 'fr',
    body: '',
    changeNote: '',
  });
  const [tags, setTags] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      api<ResourceDetail>(territoryApi.library(scope), {
        body: {
          title: form.title.trim(),
          summary: form.summary.trim(),
          kind: form.kind,
          tags,
          audience: form.audience,
          language: form.language,
          ...(form.body.trim() ? { body: form.body, changeNote: form.changeNote.trim() } : {}),
        },
      }),
    onSuccess: (r) => navigate(resourcePath(scope, r.id)),
  });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <Anchor component={Link} to="/territory/library" size="sm">
        {t('library.back')}
      </Anchor>
      <PageHeader title={t('library.new')} description={t('library.newHint')} />
      <form onSubmit={submit}>
        <Stack gap="sm" maw={760}>
          <TextInput label={t('library.columns.title')} required maxLength={200} {...field('title')} />
          <Textarea label={t('library.summary')} maxLength={1000} autosize minRows={2} {...field('summary')} />
          <Group gap="sm" wrap="wrap">
            <NativeSelect
              label={t('library.kind')}
              data={resourceKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              {...field('kind')}
            />
            <NativeSelect
              label={t('library.audience')}
              data={audiences.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
              {...field('audience')}
            />
            <NativeSelect
              label={t('library.language')}
              data={libraryLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              {...field('language')}
            />
          </Group>
          <TagsInput label={t('library.tags')} description={t('library.tagsHint')} value={tags} onChange={setTags} maxTags={20} />
          <Textarea label={t('library.body')} description={t('library.bodyHint')} autosize minRows={8} maxRows={24} {...field('body')} />
          <TextInput label={t('library.changeNote')} maxLength={500} {...field('changeNote')} />
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('library.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
