import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import type { AuditStatus } from '../types.js';

const colors: Record<AuditStatus, string> = {
  planned: 'gray',
  open: 'blue',
  submitted: 'violet',
  in_review: 'indigo',
  remediation: 'orange',
  closed: 'teal',
  cancelled: 'dark',
};

/** An audit's stage in its life cycle, in words. */
export function AuditStatusBadge({ status }: { status: AuditStatus }) {
  const { t } = useTranslation('suppliersAudits');
  return <StatusBadge color={colors[status]}>{t(`status.${status}`)}</StatusBadge>;
}
