import { useId } from 'react';
import { Messages } from '../components/Messages';

/** A number property; empty means "not set" (the property is removed). */
export function NumberInput({
  label,
  value,
  onChange,
  problems = [],
  integer = false,
  min,
  hint,
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  problems?: readonly string[];
  integer?: boolean;
  min?: number;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <label>
      {label}
      <input
        type="number"
        data-testid={testId}
        step={integer ? 1 : 'any'}
        min={min}
        value={value ?? ''}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? id : undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      {hint && !problems.length && <span className="hint">{hint}</span>}
      <Messages messages={problems} id={id} />
    </label>
  );
}

/** A yes/no property; "no" removes it, so bodies stay as short as the analyst wrote them. */
export function CheckInput({
  label,
  checked,
  onChange,
  hint,
  problems = [],
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  problems?: readonly string[];
  testId?: string;
}) {
  return (
    <div className="ed-check">
      <label className="check">
        <input
          type="checkbox"
          data-testid={testId}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint && <span className="hint">{hint}</span>}
      <Messages messages={problems} />
    </div>
  );
}

/** Sets or removes (undefined, false, '') one property of an object. */
export function withProp<T extends object>(object: T, key: string, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined || value === false || value === '') delete next[key];
  else next[key] = value;
  return next as T;
}

/** Sets a value property, removing it only when undefined (false and '' are values). */
export function withValue<T extends object>(object: T, key: string, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}
