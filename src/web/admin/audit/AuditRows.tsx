import { Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../components/format.js';
import type { AuditEntry } from '../types.js';
import { AuditDiff } from './AuditDiff.js';

export const auditColumnCount = 6;

/** Audit entries, each opening in place to show what changed. */
export function AuditRows({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation('admin');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      {entries.map((e) => {
        const expanded = open.has(e.id);
        const detailId = `audit-detail-${e.id}`;
        return (
          <Fragment key={e.id}>
            <Table.Tr>
              <Table.Td>
                <UnstyledButton
                  onClick={() => toggle(e.id)}
                  aria-expanded={expanded}
                  aria-controls={detailId}
                  aria-label={t(expanded ? 'audit.hideDetail' : 'audit.showDetail', { seq: e.seq })}
                  fz="sm"
                  ff="monospace"
                >
                  <span aria-hidden="true">{expanded ? '▾' : '▸'} </span>
                  {e.seq}
                </UnstyledButton>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language)}</Table.Td>
              <Table.Td>{e.actorLabel}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.action}
                </Text>
              </Table.Td>
              <Table.Td>{e.entityType}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {e.entityId}
                </Text>
              </Table.Td>
            </Table.Tr>
            {expanded ? (
              <Table.Tr id={detailId}>
                <Table.Td colSpan={auditColumnCount}>
                  <AuditDiff entry={e} />
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Fragment>
        );
      })}
    </>
  );
}
