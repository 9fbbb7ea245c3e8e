import { useState } from 'react';
import { FieldNote } from './FieldNote';

/** Trimmed non-empty lines, as most one-entry-per-line settings read. */
export const trimmedLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** One entry per line; the raw text stays local so an empty line being typed is not swallowed. */
export function LinesField({
  label,
  value,
  onChange,
  rows,
  problem,
  hint,
  testId,
  toEntries = trimmedLines,
}: {
  label: string;
  value: string[];
  onChange: (entries: string[]) => void;
  rows: number;
  problem: string | undefined;
  hint: string;
  testId?: string;
  /** How the text becomes entries (hosts compare lower-cased, say). */
  toEntries?: (text: string) => string[];
}) {
  const [raw, setRaw] = useState(() => value.join('\n'));
  return (
    <label>
      {label}
      <textarea
        rows={rows}
        data-testid={testId}
        value={raw}
        aria-invalid={Boolean(problem)}
        onChange={(e) => {
          setRaw(e.target.value);
          onChange(toEntries(e.target.value));
        }}
      />
      <FieldNote message={problem} hint={hint} />
    </label>
  );
}
