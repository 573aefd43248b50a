import { Input, PinInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The 6-digit code of an authenticator app, one box per digit, filled by paste or autofill too. */
export function TotpCodeInput({
  value,
  onChange,
  onComplete,
  error,
  label,
  autoFocus = false,
}: {
  value: string;
  onChange: (value: string) => void;
  onComplete?: (value: string) => void;
  error?: string | null | undefined;
  label: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      id={`${id}-label`}
      description={t('totp.codeHint')}
      descriptionProps={{ id: hintId }}
      error={error || undefined}
      errorProps={{ id: errorId }}
      required
    >
      <PinInput
        length={6}
        type="number"
        oneTimeCode
        inputMode="numeric"
        value={value}
        onChange={onChange}
        {...(onComplete ? { onComplete } : {})}
        error={!!error}
        autoFocus={autoFocus}
        mt={6}
        role="group"
        aria-labelledby={`${id}-label`}
        getInputProps={(index) => ({
          'aria-label': t('totp.digit', { n: index + 1 }),
          'aria-describedby': error ? `${hintId} ${errorId}` : hintId,
          'aria-invalid': !!error,
        })}
      />
    </Input.Wrapper>
  );
}
