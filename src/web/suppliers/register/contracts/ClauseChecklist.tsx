import { Checkbox, Collapse, Fieldset, Group, SimpleGrid, Stack, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clause, ClauseKey, ModelClause } from '../types.js';
import { ModelClauseView } from './ModelClauseView.js';

interface Props {
  clauses: Clause[];
  models: ModelClause[];
  onChange: (key: ClauseKey, patch: Partial<Clause>) => void;
}

/** One line per clause key: present or not, where in the contract, a note; the model clause on demand. */
export function ClauseChecklist({ clauses, models, onChange }: Props) {
  const { t } = useTranslation('suppliersRegister');
  const [shown, setShown] = useState<ClauseKey | null>(null);
  return (
    <Fieldset legend={t('clauses.title')}>
      <Stack gap="sm">
        {clauses.map((c) => {
          const model = models.find((m) => m.key === c.key);
          const label = t(`clauseKeys.${c.key}`);
          return (
            <div key={c.key}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Checkbox label={label} checked={c.present} onChange={(e) => onChange(c.key, { present: e.currentTarget.checked })} />
                {model ? (
                  <UnstyledButton
                    fz="sm"
                    c="blue.9"
                    td="underline"
                    aria-expanded={shown === c.key}
                    aria-label={t('clauses.showModelNamed', { clause: label })}
                    onClick={() => setShown(shown === c.key ? null : c.key)}
                  >
                    {shown === c.key ? t('clauses.hideModel') : t('clauses.showModel')}
                  </UnstyledButton>
                ) : null}
              </Group>
              {c.present ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} ml="xl">
                  <TextInput
                    size="xs"
                    label={
                      <>
                        {t('clauses.referenceShort')}
                        <VisuallyHidden>{` — ${label}`}</VisuallyHidden>
                      </>
                    }
                    placeholder={t('clauses.referencePlaceholder')}
                    value={c.reference}
                    onChange={(e) => onChange(c.key, { reference: e.currentTarget.value })}
                  />
                  <TextInput
                    size="xs"
                    label={
                      <>
                        {t('clauses.noteShort')}
                        <VisuallyHidden>{` — ${label}`}</VisuallyHidden>
                      </>
                    }
                    value={c.note}
                    onChange={(e) => onChange(c.key, { note: e.currentTarget.value })}
                  />
                </SimpleGrid>
              ) : null}
              {model ? (
                <Collapse expanded={shown === c.key}>
                  <div style={{ marginTop: 6 }}>
                    <ModelClauseView model={model} />
                  </div>
                </Collapse>
              ) : null}
            </div>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
