import { Box, Button, Checkbox, Group, List, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubcontractorInput, SubcontractorNode, SupplierDetail } from '../types.js';
import { PartDeleteConfirm, PartEditModal, usePartEditor } from './part-editor.js';

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
  // The extra is the parent's name, for the title of the dialog adding a child.
  const ed = usePartEditor<SubcontractorInput, SubcontractorNode, string | null>(orgId, supplier.id, 'subcontractors', names);
  const { editing, errors, set } = ed;
  const add = (parent: SubcontractorNode | null) => ed.open(null, blank(parent?.id ?? null), parent?.name ?? null);

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
                onClick={() =>
                  ed.open(n.id, {
                    parentId: n.parentId,
                    name: n.name,
                    siren: n.siren,
                    service: n.service,
                    handlesHealthData: n.handlesHealthData,
                    location: n.location,
                  })
                }
              >
                {t('subcontractors.edit', { name: n.name })}
              </Button>
              <Button size="compact-xs" variant="subtle" c="red.9" onClick={() => ed.askDelete(n)}>
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
      <PartEditModal
        opened={editing !== null}
        onClose={ed.close}
        title={
          editing?.id
            ? t('subcontractors.editTitle')
            : editing?.extra
              ? t('subcontractors.addChildTitle', { name: editing.extra })
              : t('subcontractors.addTitle')
        }
        saving={ed.save.isPending}
        error={ed.generalError}
        onSubmit={() => {
          if (!editing) return;
          const b = editing.body;
          ed.save.mutate({
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
        {editing ? (
          <>
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
            {errors.parentId ? <Text c="red.9">{errors.parentId}</Text> : null}
          </>
        ) : null}
      </PartEditModal>
      <PartDeleteConfirm
        opened={ed.deleting !== null}
        title={t('subcontractors.removeTitle')}
        confirmLabel={t('subcontractors.removeConfirm')}
        onConfirm={() => ed.deleting && ed.remove.mutate(ed.deleting.id)}
        onClose={ed.cancelDelete}
        deleting={ed.remove.isPending}
        error={ed.remove.error}
      >
        {t('subcontractors.removeText', { name: ed.deleting?.name ?? '' })}
      </PartDeleteConfirm>
    </section>
  );
}
