import { Anchor, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Callout } from '../../../admin/components/Callout.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import { errorsByPath } from '../field-errors.js';
import type { Grid, GridDefinition, Texts } from '../types.js';
import { addSection, emptyDefinition, moveSection, removeSection, toGridBody, updateSection } from './grid-editor-logic.js';
import { SectionEditor } from './SectionEditor.js';

/** Creates a grid (suppliers/grids/new) or edits an own one (…/:gridId/edit); catalogue grids are forked first. */
export function GridEditorPage() {
  return <WithOrg>{(orgId) => <GridEditorLoader orgId={orgId} />}</WithOrg>;
}

function GridEditorLoader({ orgId }: { orgId: string }) {
  const { gridId } = useParams();
  const grid = useQuery({
    queryKey: auditsKeys.grid(orgId, gridId ?? ''),
    queryFn: () => api<Grid>(auditsApi.grid(orgId, gridId ?? '')),
    enabled: gridId !== undefined,
  });
  if (gridId === undefined) return <GridEditor orgId={orgId} grid={null} />;
  return (
    <ListStatus isPending={grid.isPending} error={grid.error} isEmpty={false} emptyTitle="">
      {grid.data ? <GridEditor key={`${grid.data.id}-${grid.data.version}`} orgId={orgId} grid={grid.data} /> : null}
    </ListStatus>
  );
}

function GridEditor({ orgId, grid }: { orgId: string; grid: Grid | null }) {
  const { t } = useTranslation('suppliersAudits');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState<Texts>(grid?.titles ?? { fr: '', en: '' });
  const [def, setDef] = useState<GridDefinition>(() => grid?.definition ?? emptyDefinition());
  const [dirty, setDirty] = useState(false);
  const editTitle = (next: Texts) => {
    setTitle(next);
    setDirty(true);
  };
  const change = (next: GridDefinition) => {
    setDef(next);
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () =>
      grid
        ? api<Grid>(auditsApi.grid(orgId, grid.id), { method: 'PUT', body: toGridBody(title, def) })
        : api<Grid>(auditsApi.grids(orgId), { body: toGridBody(title, def) }),
    onSuccess: (saved) => {
      setDirty(false);
      void queryClient.invalidateQueries({ queryKey: auditsKeys.grids(orgId) });
      notify({ tone: 'success', message: t('editor.saved', { title: saved.title }) });
      void navigate(`/suppliers/grids/${encodeURIComponent(saved.id)}`);
    },
  });
  // Leaving with unsaved changes loses them: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const { byPath, rest } = errorsByPath(save.error);
  const readOnly = grid?.readOnly === true || grid?.archived === true;
  return (
    <>
      <Anchor component={Link} to={grid ? `/suppliers/grids/${encodeURIComponent(grid.id)}` : '/suppliers/grids'} size="sm">
        {t('grids.back')}
      </Anchor>
      <PageHeader title={grid ? t('editor.editTitle', { title: grid.title }) : t('editor.newTitle')} description={t('editor.help')} />
      {readOnly ? <Callout color="orange">{t('editor.readOnly')}</Callout> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('editor.titleFr')}
              value={title.fr}
              onChange={(e) => editTitle({ ...title, fr: e.currentTarget.value })}
              required
              maxLength={200}
              error={byPath['title.fr']}
            />
            <TextInput
              label={t('editor.titleEn')}
              value={title.en}
              onChange={(e) => editTitle({ ...title, en: e.currentTarget.value })}
              required
              maxLength={200}
              error={byPath['title.en']}
            />
          </SimpleGrid>
          {def.sections.map((_s, si) => (
            <SectionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: the id is edited in place; keying by it would remount the section on each keystroke
              key={si}
              def={def}
              si={si}
              errors={byPath}
              onChange={change}
              onUpdate={(patch) => change(updateSection(def, si, patch))}
              onMove={(delta) => change(moveSection(def, si, delta))}
              onRemove={() => change(removeSection(def, si))}
            />
          ))}
          <Button variant="default" onClick={() => change(addSection(def))} style={{ alignSelf: 'flex-start' }}>
            {t('editor.addSection')}
          </Button>
          {rest || byPath.definition || byPath['definition.sections'] ? (
            <Callout color="red" role="alert" title={t('editor.errorTitle')}>
              {rest ?? byPath.definition ?? byPath['definition.sections']}
            </Callout>
          ) : Object.keys(byPath).length > 0 ? (
            <Callout color="red" role="alert" title={t('editor.errorTitle')}>
              {t('editor.fieldErrors', { count: Object.keys(byPath).length })}
            </Callout>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={readOnly}>
              {t('editor.save')}
            </Button>
            <Button variant="default" component={Link} to={grid ? `/suppliers/grids/${encodeURIComponent(grid.id)}` : '/suppliers/grids'}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
