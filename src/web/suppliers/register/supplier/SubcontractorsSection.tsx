import { Box, Button, Checkbox, Group, List, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { errorsByField, generalError } from '../field-errors.js';
import type { SubcontractorInput, SubcontractorNode, SupplierDetail } from '../types.js';
import { usePartMutations } from './use-supplier.js';

const names = ['name', 'siren', 'service', 'location', 'parentId'] as const;
const blank = (parentId: string | null): SubcontractorInput => ({
  parentId,
  name: '',
  siren: null,
  service: '',
  handlesHealthData: false,
  location: '',
});

/** The chain behind the provider, as a tree: each subcontractor may have its own. */
export function SubcontractorsSection({ orgId, supplier }: { orgId: string; supplier: SupplierDetail }) {
  const { t } = useTranslation('suppliersRegister');
  const [editing, setEditing] = useState<{ id: string | null; parentName: string | null; body: SubcontractorInput } | null>(null);
  const [deleting, setDeleting] = useState<SubcontractorNode | null>(null);
  const { save, remove } = usePartMutations<SubcontractorInput>(orgId, supplier.id, 'subcontractors', () => {
    setEditing(null);
    setDeleting(null);
  });
  const errors = errorsByField(save.error, names);
  const set = (patch: Partial<SubcontractorInput>) => setEditing((e) => (e ? { ...e, body: { ...e.body, ...patch } } : e));
  const add = (parent: SubcontractorNode | null) => {
    save.reset();
    setEditing({ id: null, parentName: parent?.name ?? null, body: blank(parent?.id ?? null) });
  };

  const renderNodes = (nodes: SubcontractorNode[]) => (
    <List listStyleType="none" withPadding spacing="xs">
      {nodes.map((n) => (
        <List.Item key={n.id}>
          <Box py={4}>
            <Text fw={600} component="span">
              {n.name}
            </Text>
            <Text size="sm" c="dimmed" component="span">
              {' '}
              {[n.service, n.location, n.siren, n.handlesHealthData ? t('subcontractors.healthData') : ''].filter(Boolean).join(' · ')}
            </Text>
            <Group gap={6} mt={4}>
              <Button size="compact-xs" variant="light" onClick={() => add(n)}>
                {t('subcontractors.addChild', { name: n.name })}
              </Button>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => {
                  save.reset();
                  setEditing({
                    id: n.id,
                    parentName: null,
                    body: {
                      parentId: n.parentId,
                      name: n.name,
                      siren: n.siren,
                      service: n.service,
                      handlesHealthData: n.handlesHealthData,
                      location: n.location,
                    },
                  });
                }}
              >
                {t('subcontractors.edit', { name: n.name })}
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                c="red.9"
                onClick={() => {
                  remove.reset();
                  setDeleting(n);
                }}
              >
                {t('subcontractors.remove', { name: n.name })}
              </Button>
            </Group>
          </Box>
          {n.children.length > 0 ? renderNodes(n.children) : null}
        </List.Item>
      ))}
    </List>
  );

  return (
    <section aria-labelledby="subcontractors-heading">
      <Group justify="space-between" mb="sm">
        <Title id="subcontractors-heading" order={2} size="h3">
          {t('subcontractors.title')}
        </Title>
        <Button onClick={() => add(null)}>{t('subcontractors.add')}</Button>
      </Group>
      {supplier.subcontractors.length === 0 ? <Text c="dimmed">{t('subcontractors.empty')}</Text> : renderNodes(supplier.subcontractors)}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.id
            ? t('subcontractors.editTitle')
            : editing?.parentName
              ? t('subcontractors.addChildTitle', { name: editing.parentName })
              : t('subcontractors.addTitle')
        }
      >
        {editing ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const b = editing.body;
              save.mutate({
                id: editing.id,
                body: {
                  ...b,
                  name: b.name.trim(),
                  siren: b.siren?.trim() || null,
                  location: b.location.trim().toUpperCase().replace('OUTSIDE_EEA', 'outside_EEA'),
                },
              });
            }}
          >
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('subcontractors.name')}
                  required
                  value={editing.body.name}
                  onChange={(e) => set({ name: e.currentTarget.value })}
                  error={errors.name}
                />
                <TextInput
                  label={t('fields.siren')}
                  inputMode="numeric"
                  value={editing.body.siren ?? ''}
                  onChange={(e) => set({ siren: e.currentTarget.value })}
                  error={errors.siren}
                />
                <TextInput
                  label={t('subcontractors.service')}
                  value={editing.body.service}
                  onChange={(e) => set({ service: e.currentTarget.value })}
                  error={errors.service}
                />
                <TextInput
                  label={t('subcontractors.location')}
                  description={t('form.locationHelp')}
                  value={editing.body.location}
                  onChange={(e) => set({ location: e.currentTarget.value })}
                  error={errors.location}
                />
              </SimpleGrid>
              <Checkbox
                label={t('fields.handlesHealthData')}
                checked={editing.body.handlesHealthData}
                onChange={(e) => set({ handlesHealthData: e.currentTarget.checked })}
              />
              <ErrorAlert error={generalError(save.error, names)} />
              {errors.parentId ? <Text c="red.9">{errors.parentId}</Text> : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('subcontractors.removeTitle')}
        confirmLabel={t('subcontractors.removeConfirm')}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('subcontractors.removeText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </section>
  );
}
