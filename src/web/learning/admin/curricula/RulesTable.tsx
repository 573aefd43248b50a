import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { DataTable } from '../../../admin/components/DataTable.js';
import { formatDateTime } from '../../../admin/components/format.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { useNotify } from '../../../shell/notifications.js';
import { formatCount } from '../metrics-display.js';
import type { Rule } from '../types.js';

interface Props {
  rules: Rule[];
  /** Names of member organizations (territory rules). */
  memberName?: (orgId: string) => string;
  setActive: (rule: Rule, active: boolean) => Promise<unknown>;
  remove: (rule: Rule) => Promise<unknown>;
  onChanged: () => void;
}

type Pending = { rule: Rule; action: 'deactivate' | 'delete' } | null;

/**
 * The rules with how many people they match and how many they enrolled; stopping one keeps its
 * assignments. A territory's rule in an organization's list is shown with its territory, without actions.
 */
export function RulesTable({ rules, memberName, setActive, remove, onChanged }: Props) {
  const { t, i18n } = useTranslation('learningAdmin');
  const { t: ta } = useTranslation('admin');
  const notify = useNotify();
  const [pending, setPending] = useState<Pending>(null);
  const act = useMutation({
    mutationFn: (p: NonNullable<Pending> | { rule: Rule; action: 'activate' }) =>
      p.action === 'delete' ? remove(p.rule) : setActive(p.rule, p.action === 'activate'),
    onSuccess: (_, p) => {
      setPending(null);
      onChanged();
      notify({ tone: 'success', message: t(`rules.done.${p.action}`) });
    },
  });
  const all = t('common.everyone');
  const targets = (r: Rule) =>
    [
      r.roleFamilies.length ? r.roleFamilies.map((f) => ta(`roleFamilies.${f}`)).join(', ') : all,
      r.services.length ? r.services.join(', ') : null,
      r.sites.length ? r.sites.join(', ') : null,
      memberName ? (r.organizationIds.length ? r.organizationIds.map(memberName).join(', ') : t('rules.allMembers')) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <>
      <DataTable
        caption={t('rules.title')}
        minWidth={900}
        head={
          <>
            <Th>{t('rules.curriculum')}</Th>
            <Th>{t('rules.targets')}</Th>
            <Th>{t('fields.dueDays')}</Th>
            <Th>{t('rules.matchingCol')}</Th>
            <Th>{t('rules.enrolledCol')}</Th>
            <Th>{t('fields.status')}</Th>
            <Th>{t('common.actions')}</Th>
          </>
        }
      >
        {rules.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.curriculumName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(r.createdAt, i18n.language)}
              </Text>
              {r.territoryName ? <StatusBadge color="blue">{t('rules.fromTerritory', { name: r.territoryName })}</StatusBadge> : null}
            </Table.Td>
            <Table.Td>{targets(r)}</Table.Td>
            <Table.Td>{r.dueDays}</Table.Td>
            <Table.Td data-testid="rule-matching">{formatCount(r.matching, i18n.language)}</Table.Td>
            <Table.Td>{formatCount(r.enrolled, i18n.language)}</Table.Td>
            <Table.Td>
              <StatusBadge color={r.active ? 'teal' : 'gray'}>{r.active ? t('rules.active') : t('rules.inactive')}</StatusBadge>
            </Table.Td>
            <Table.Td>
              {r.editable === false ? (
                <Text size="xs" c="dimmed" maw={220}>
                  {t('rules.readOnly')}
                </Text>
              ) : (
                <Group gap={6} wrap="nowrap">
                  {r.active ? (
                    <Button size="xs" variant="default" onClick={() => setPending({ rule: r, action: 'deactivate' })}>
                      {t('rules.deactivate')}
                      <VisuallyHidden>{`, ${r.curriculumName}`}</VisuallyHidden>
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      loading={act.isPending && act.variables?.rule.id === r.id}
                      onClick={() => act.mutate({ rule: r, action: 'activate' })}
                    >
                      {t('rules.activate')}
                      <VisuallyHidden>{`, ${r.curriculumName}`}</VisuallyHidden>
                    </Button>
                  )}
                  <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => setPending({ rule: r, action: 'delete' })}>
                    {t('rules.delete')}
                    <VisuallyHidden>{`, ${r.curriculumName}`}</VisuallyHidden>
                  </Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal
        opened={pending !== null}
        title={pending?.action === 'delete' ? t('rules.deleteTitle') : t('rules.deactivateTitle')}
        confirmLabel={pending?.action === 'delete' ? t('rules.delete') : t('rules.deactivate')}
        onConfirm={() => pending && act.mutate(pending)}
        onClose={() => {
          setPending(null);
          act.reset();
        }}
        loading={act.isPending}
        error={act.error}
      >
        {t(pending?.action === 'delete' ? 'rules.deleteText' : 'rules.deactivateText', { name: pending?.rule.curriculumName ?? '' })}
      </ConfirmModal>
    </>
  );
}
