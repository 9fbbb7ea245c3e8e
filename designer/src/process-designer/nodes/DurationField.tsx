import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const units = { minutes: 60, hours: 3600, days: 86_400 } as const;
type Unit = keyof typeof units;

/** The largest unit that shows `seconds` as a whole number. */
const unitFor = (seconds: number | undefined): Unit =>
  seconds === undefined || seconds % units.days === 0
    ? seconds === undefined
      ? 'hours'
      : 'days'
    : seconds % units.hours === 0
      ? 'hours'
      : 'minutes';

/** A duration typed in minutes, hours or days, stored in seconds; cleared, it is undefined. */
export function DurationField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (seconds: number | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(unitFor(value));
  const shown = value === undefined ? '' : Math.round((value / units[unit]) * 100) / 100;
  return (
    <div className="bd-field">
      <span>{label}</span>
      <div className="prd-duration">
        <input
          type="number"
          min={0}
          step="any"
          value={shown}
          aria-label={label}
          data-testid={testId}
          onChange={(e) => {
            const n = e.target.valueAsNumber;
            onChange(Number.isFinite(n) && n > 0 ? Math.max(1, Math.round(n * units[unit])) : undefined);
          }}
        />
        <select
          value={unit}
          aria-label={label}
          data-testid={`${testId}-unit`}
          onChange={(e) => {
            const next = e.target.value as Unit;
            setUnit(next);
            if (value !== undefined) onChange(Math.max(1, Math.round((value / units[unit]) * units[next])));
          }}
        >
          {(Object.keys(units) as Unit[]).map((u) => (
            <option key={u} value={u}>
              {t(`processDesigner.units.${u}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
