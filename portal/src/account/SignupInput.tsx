/** One account form field (sign-up, password change) with its label, hint and problem, tied together for screen readers. */
export function SignupInput({
  field,
  form = 'signup',
  label,
  type = 'text',
  autoComplete,
  hint,
  value,
  onChange,
  onBlur,
  problem,
}: {
  field: string;
  /** Prefix of the input's id and test id, so two forms' fields never collide. */
  form?: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  problem: string | undefined;
}) {
  const id = `${form}-${field}`;
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
