import { Badge, Button, Group, NativeSelect, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { type Contact, type ContactInput, contactRoles, type SupplierDetail } from '../types.js';
import { PartDeleteConfirm, PartEditModal, usePartEditor } from './part-editor.js';

const names = ['name', 'email', 'phone', 'role'] as const;
const blank: ContactInput = { name: '', email: '', phone: null, role: 'technical' };

/** The provider's people: they receive audit notices and answer on the provider portal. */
export function ContactsSection({ orgId, supplier }: { orgId: string; supplier: SupplierDetail }) {
  const { t } = useTranslation('suppliersRegister');
  const ed = usePartEditor<ContactInput, Contact>(orgId, supplier.id, 'contacts', names);
  const { editing, errors, set } = ed;

  return (
    <section aria-labelledby="contacts-heading">
      <Group justify="space-between" mb="sm">
        <Title id="contacts-heading" order={2} size="h3">
          {t('contacts.title')}
        </Title>
        <Button onClick={() => ed.open(null, blank)}>{t('contacts.add')}</Button>
      </Group>
      {supplier.contacts.length === 0 ? (
        <Text c="dimmed">{t('contacts.empty')}</Text>
      ) : (
        <DataTable
          caption={t('contacts.title')}
          minWidth={640}
          head={
            <>
              <Th>{t('contacts.name')}</Th>
              <Th>{t('contacts.email')}</Th>
              <Th>{t('contacts.phone')}</Th>
              <Th>{t('contacts.role')}</Th>
              <Th>{t('common.actions')}</Th>
            </>
          }
        >
          {supplier.contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                {c.name}
                {c.hasPortalAccount ? (
                  <Badge ml="xs" size="xs" variant="light">
                    {t('contacts.portal')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{c.email}</Table.Td>
              <Table.Td>{c.phone ?? '—'}</Table.Td>
              <Table.Td>{t(`contactRoles.${c.role}`)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => ed.open(c.id, { name: c.name, email: c.email, phone: c.phone, role: c.role })}
                  >
                    {t('contacts.edit', { name: c.name })}
                  </Button>
                  <Button size="xs" variant="subtle" c="red.9" onClick={() => ed.askDelete(c)}>
                    {t('contacts.delete', { name: c.name })}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <PartEditModal
        opened={editing !== null}
        onClose={ed.close}
        title={editing?.id ? t('contacts.editTitle') : t('contacts.addTitle')}
        saving={ed.save.isPending}
        error={ed.generalError}
        onSubmit={() =>
          editing &&
          ed.save.mutate({
            id: editing.id,
            body: {
              ...editing.body,
              name: editing.body.name.trim(),
              email: editing.body.email.trim(),
              phone: editing.body.phone?.trim() || null,
            },
          })
        }
      >
        {editing ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('contacts.name')}
              required
              value={editing.body.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
            />
            <TextInput
              type="email"
              label={t('contacts.email')}
              required
              value={editing.body.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={errors.email}
            />
            <TextInput
              type="tel"
              label={t('contacts.phone')}
              value={editing.body.phone ?? ''}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={errors.phone}
            />
            <NativeSelect
              label={t('contacts.role')}
              value={editing.body.role}
              onChange={(e) => set({ role: e.currentTarget.value as ContactInput['role'] })}
              data={contactRoles.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
            />
          </SimpleGrid>
        ) : null}
      </PartEditModal>
      <PartDeleteConfirm
        opened={ed.deleting !== null}
        title={t('contacts.deleteTitle')}
        onConfirm={() => ed.deleting && ed.remove.mutate(ed.deleting.id)}
        onClose={ed.cancelDelete}
        deleting={ed.remove.isPending}
        error={ed.remove.error}
      >
        {t('contacts.deleteText', { name: ed.deleting?.name ?? '' })}
      </PartDeleteConfirm>
    </section>
  );
}
