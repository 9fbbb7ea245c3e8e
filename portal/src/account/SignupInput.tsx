import type { SignupField } from './signup-checks';

/** One sign-up field with its label, hint and the problem found in it, tied together for screen readers. */
export function SignupInput({
  field,
  label,
  type = 'text',
  autoComplete,
  hint,
  value,
  onChange,
  onBlur,
  problem,
}: {
  field: SignupField;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  problem: string | undefined;
}) {
  const id = `signup-${field}`;
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'signup-field has-error' : 'signup-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        type={type}
        autoComplete={autoComplete}
        value={value}
        maxLength={200}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {hint && !problem && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-problem" id={`${id}-error`} data-testid={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}
