import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '../components/OrganizationSelect.js';
import { SearchInput } from '../components/SearchInput.js';

export interface AuditFilterState {
  action: string;
  entityType: string;
  actor: string;
  from: string;
  to: string;
  organizationId: string;
}

interface Props {
  value: AuditFilterState;
  onChange: (patch: Partial<AuditFilterState>) => void;
  /** Platform-wide view: may narrow to one organization. */
  platform: boolean;
}

/** Filters of the audit log; text filters wait for a pause in typing. */
export function AuditFilters({ value, onChange, platform }: Props) {
  const { t } = useTranslation('admin');
  const filtered = Object.values(value).some((v) => v !== '');
  return (
    <Group align="flex-end" gap="sm" mb="md">
      <SearchInput
        label={t('audit.fields.action')}
        placeholder={t('audit.actionPlaceholder')}
        value={value.action}
        onSearch={(action) => onChange({ action })}
      />
      <SearchInput
        label={t('audit.fields.entityType')}
        placeholder={t('audit.entityTypePlaceholder')}
        value={value.entityType}
        onSearch={(entityType) => onChange({ entityType })}
      />
      <SearchInput label={t('audit.fields.actor')} value={value.actor} onSearch={(actor) => onChange({ actor })} />
      <TextInput
        type="date"
        label={t('audit.from')}
        value={value.from}
        onChange={(e) => onChange({ from: e.currentTarget.value })}
        max={value.to || undefined}
      />
      <TextInput
        type="date"
        label={t('audit.to')}
        value={value.to}
        onChange={(e) => onChange({ to: e.currentTarget.value })}
        min={value.from || undefined}
      />
      {platform ? (
        <div style={{ minWidth: 220 }}>
          <OrganizationSelect
            label={t('audit.fields.organization')}
            value={value.organizationId || null}
            onChange={(id) => onChange({ organizationId: id ?? '' })}
          />
        </div>
      ) : null}
      {filtered ? (
        <Button variant="subtle" onClick={() => onChange({ action: '', entityType: '', actor: '', from: '', to: '', organizationId: '' })}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
