import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { allZones, offeredZones } from './time-zones';

const other = '__other__';

/**
 * The line's time zone: the usual ones by city name, or any other typed by its database name (with the browser's
 * list to pick from as one types).
 */
export function TimeZoneField({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange: (zone: string) => void;
  problem: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const offered = offeredZones.some((z) => z.zone === value);
  const [typing, setTyping] = useState(!offered);
  return (
    <div className="ld-row">
      <label className="ld-field ld-grow">
        {t('lineDesigner.timeZone')}
        <select
          data-testid="line-time-zone"
          value={typing ? other : value}
          aria-invalid={Boolean(problem) && !typing}
          onChange={(e) => {
            if (e.target.value === other) setTyping(true);
            else {
              setTyping(false);
              onChange(e.target.value);
            }
          }}
        >
          {offeredZones.map((z) => (
            <option key={z.zone} value={z.zone}>
              {i18n.language === 'en' ? z.en : z.ru}
            </option>
          ))}
          <option value={other}>{t('lineDesigner.otherZone')}</option>
        </select>
        {!typing && <FieldNote message={problem} hint="" />}
      </label>
      {typing && (
        <label className="ld-field ld-grow">
          {t('lineDesigner.zoneName')}
          <input
            className="mono"
            spellCheck={false}
            data-testid="line-time-zone-name"
            list={listId}
            value={value}
            maxLength={64}
            aria-invalid={Boolean(problem)}
            onChange={(e) => onChange(e.target.value.trim())}
          />
          <datalist id={listId}>
            {allZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <FieldNote message={problem} hint={t('lineDesigner.zoneNameHint')} />
        </label>
      )}
    </div>
  );
}
