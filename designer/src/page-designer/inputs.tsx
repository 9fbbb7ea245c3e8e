import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';

/** Messages under a field, announced with it (aria-describedby points here). */
export function Problems({ id, messages }: { id?: string; messages: readonly string[] }) {
  return <Messages id={id} messages={messages} className="pd-problems" />;
}

/** How many items a list widget shows (1–20); empty means the portal's default. */
export function CountField({
  label,
  value,
  onChange,
  max = 20,
  problems = [],
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  max?: number;
  problems?: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <label>
      {label}
      <input
        type="number"
        min={1}
        max={max}
        step={1}
        inputMode="numeric"
        placeholder={t('pageDesigner.fields.countDefault')}
        value={value ?? ''}
        data-testid={testId}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? id : undefined}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          onChange(e.target.value === '' || Number.isNaN(n) ? undefined : Math.trunc(n));
        }}
      />
      <Problems id={id} messages={problems} />
    </label>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  return (
    <label className="pd-check">
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
