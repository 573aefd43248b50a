import { Stepper } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { NoOrgState } from '../components/NoOrgState.js';
import { PageHeader } from '../components/PageHeader.js';
import { endpoints } from '../endpoints.js';
import type { ImportMapping, ImportMode, ImportSummary, ImportUpload } from '../types.js';
import { CheckStep } from './CheckStep.js';
import { ImportHistory } from './ImportHistory.js';
import { MappingStep } from './MappingStep.js';
import { ResultStep } from './ResultStep.js';
import { UploadStep } from './UploadStep.js';

/** The directory import wizard: file -> column mapping -> dry run -> apply; earlier imports below. */
export function ImportPage() {
  const { orgId } = useCurrentScope();
  if (!orgId) return <NoOrgState />;
  // A new organization starts a new wizard.
  return <ImportWizard key={orgId} orgId={orgId} />;
}

function ImportWizard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<ImportMode>('partial');
  const [upload, setUpload] = useState<{ data: ImportUpload; filename: string } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dryRun, setDryRun] = useState<ImportSummary | null>(null);
  const apply = useMutation({
    mutationFn: () => api<ImportSummary>(endpoints.importApply(orgId, upload?.data.id ?? ''), { body: { mapping, mode } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'imports', orgId] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'people', orgId] });
    },
  });
  const restart = () => {
    apply.reset();
    setUpload(null);
    setMapping({});
    setDryRun(null);
    setStep(0);
  };

  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.intro')} />
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('import.steps.file')}>
          <UploadStep
            orgId={orgId}
            mode={mode}
            onMode={setMode}
            onUploaded={(data, filename) => {
              setUpload({ data, filename });
              setMapping({ ...data.suggestedMapping });
              setDryRun(null);
              setStep(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.mapping')}>
          {upload ? (
            <MappingStep
              orgId={orgId}
              upload={upload.data}
              filename={upload.filename}
              mode={mode}
              mapping={mapping}
              onMapping={setMapping}
              onBack={() => setStep(0)}
              onChecked={(summary) => {
                setDryRun(summary);
                setStep(2);
              }}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.check')}>
          {dryRun && upload ? (
            <CheckStep
              summary={dryRun}
              filename={upload.filename}
              mode={mode}
              onBack={() => setStep(1)}
              onApply={() => {
                setStep(3);
                apply.mutate();
              }}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.apply')}>
          <ResultStep
            pending={apply.isPending}
            error={apply.error}
            result={apply.data}
            filename={upload?.filename ?? ''}
            onRetry={() => apply.mutate()}
            onBack={() => {
              apply.reset();
              setStep(2);
            }}
            onRestart={restart}
          />
        </Stepper.Step>
      </Stepper>
      <ImportHistory orgId={orgId} />
    </>
  );
}
