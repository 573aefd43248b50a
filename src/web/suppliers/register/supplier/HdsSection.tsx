import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { type HdsCertificate, type HdsInput, hdsActivities, type SupplierDetail } from '../types.js';
import { PartDeleteConfirm, PartEditModal, usePartEditor } from './part-editor.js';

const names = ['activities', 'certifyingBody', 'certificateNumber', 'issuedOn', 'expiresOn'] as const;
const blank: HdsInput = { activities: [], certifyingBody: '', certificateNumber: '', issuedOn: '', expiresOn: '' };

/** The provider's HDS certificates: activities 1-6 covered, body, number, dates; expiring ones are flagged. */
export function HdsSection({ orgId, supplier }: { orgId: string; supplier: SupplierDetail }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const ed = usePartEditor<HdsInput, HdsCertificate>(orgId, supplier.id, 'hds-certificates', names);
  const { editing, errors, set } = ed;
  const date = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language);

  return (
    <section aria-labelledby="hds-heading">
      <Group justify="space-between" mb="sm">
        <Title id="hds-heading" order={2} size="h3">
          {t('hds.title')}
        </Title>
        <Button onClick={() => ed.open(null, blank)}>{t('hds.add')}</Button>
      </Group>
      {supplier.handlesHealthData && supplier.hdsCertificates.length === 0 ? (
        <Callout color="orange" mb="sm" title={t('hds.missingTitle')}>
          {t('hds.missing')}
        </Callout>
      ) : null}
      {supplier.hdsCertificates.length === 0 ? <Text c="dimmed">{t('hds.empty')}</Text> : null}
      <Stack>
        {supplier.hdsCertificates.map((c) => (
          <Card key={c.id} withBorder>
            <Group justify="space-between" align="flex-start">
              <div>
                <Text fw={600}>{t('hds.certificateLine', { body: c.certifyingBody, number: c.certificateNumber })}</Text>
                <Text size="sm">{t('hds.validity', { from: date(c.issuedOn), to: date(c.expiresOn) })}</Text>
                <Text size="sm" mt={4}>
                  {t('hds.covers')} {c.activities.map((a) => t(`hds.activities.${a}`)).join(' · ')}
                </Text>
                {c.expiring ? (
                  <Text size="sm" c="red.9" fw={600} mt={4} role="note">
                    {t('hds.expiringWarning', { date: date(c.expiresOn) })}
                  </Text>
                ) : null}
              </div>
              <Group gap={6}>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    ed.open(c.id, {
                      activities: c.activities,
                      certifyingBody: c.certifyingBody,
                      certificateNumber: c.certificateNumber,
                      issuedOn: c.issuedOn,
                      expiresOn: c.expiresOn,
                    })
                  }
                >
                  {t('hds.edit', { number: c.certificateNumber })}
                </Button>
                <Button size="xs" variant="subtle" c="red.9" onClick={() => ed.askDelete(c)}>
                  {t('hds.delete', { number: c.certificateNumber })}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <PartEditModal
        opened={editing !== null}
        onClose={ed.close}
        title={editing?.id ? t('hds.editTitle') : t('hds.addTitle')}
        size="lg"
        saving={ed.save.isPending}
        error={ed.generalError}
        onSubmit={() => editing && ed.save.mutate(editing)}
      >
        {editing ? (
          <>
            <Checkbox.Group
              label={t('hds.activitiesLabel')}
              value={editing.body.activities.map(String)}
              onChange={(vals) => set({ activities: vals.map(Number).sort() })}
              error={errors.activities}
            >
              <Stack gap={6} mt={6}>
                {hdsActivities.map((a) => (
                  <Checkbox key={a} value={String(a)} label={`${a}. ${t(`hds.activities.${a}`)}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('hds.certifyingBody')}
                required
                value={editing.body.certifyingBody}
                onChange={(e) => set({ certifyingBody: e.currentTarget.value })}
                error={errors.certifyingBody}
              />
              <TextInput
                label={t('hds.certificateNumber')}
                required
                value={editing.body.certificateNumber}
                onChange={(e) => set({ certificateNumber: e.currentTarget.value })}
                error={errors.certificateNumber}
              />
              <TextInput
                type="date"
                label={t('hds.issuedOn')}
                required
                value={editing.body.issuedOn}
                onChange={(e) => set({ issuedOn: e.currentTarget.value })}
                error={errors.issuedOn}
              />
              <TextInput
                type="date"
                label={t('hds.expiresOn')}
                required
                value={editing.body.expiresOn}
                onChange={(e) => set({ expiresOn: e.currentTarget.value })}
                error={errors.expiresOn}
              />
            </SimpleGrid>
          </>
        ) : null}
      </PartEditModal>
      <PartDeleteConfirm
        opened={ed.deleting !== null}
        title={t('hds.deleteTitle')}
        onConfirm={() => ed.deleting && ed.remove.mutate(ed.deleting.id)}
        onClose={ed.cancelDelete}
        deleting={ed.remove.isPending}
        error={ed.remove.error}
      >
        {t('hds.deleteText', { number: ed.deleting?.certificateNumber ?? '' })}
      </PartDeleteConfirm>
    </section>
  );
}
