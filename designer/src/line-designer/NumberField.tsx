import { useEffect, useState } from 'react';
import { FieldNote } from '../components/FieldNote';

/**
 * A whole number; empty means "not set" (undefined). The typed text stays local, so a half-typed or cleared number
 * is not rewritten under the cursor; the schema judges the range and shows its problem here.
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  hint,
  problem,
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min: number;
  max: number;
  hint: string;
  problem?: string;
  testId: string;
}) {
  const [raw, setRaw] = useState(value === undefined ? '' : String(value));
  // A change from elsewhere (the JSON tab, undo) shows; one this field made is already what it shows.
  useEffect(() => {
    setRaw((current) =>
      Number(current) === value || (current === '' && value === undefined) ? current : String(value ?? ''),
    );
  }, [value]);
  return (
    <label className="ld-field ld-number">
      {label}
      <input
        type="number"
        inputMode="numeric"
        data-testid={testId}
        min={min}
        max={max}
        step={1}
        value={raw}
        aria-invalid={Boolean(problem)}
        onChange={(e) => {
          setRaw(e.target.value);
          const n = e.target.valueAsNumber;
          onChange(e.target.value.trim() === '' || Number.isNaN(n) ? undefined : Math.round(n));
        }}
      />
      <FieldNote message={problem} hint={hint} />
    </label>
  );
}
