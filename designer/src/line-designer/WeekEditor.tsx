import type { WorkingHours } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { copyDayToWeekdays, type Interval, intervalsOf, nextInterval, weekdays } from './line-draft';

const clockTime = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * The weekly schedule, a row per day: its intervals as from–to times (several a day, `24:00` for the end of the
 * day), a day without any is a day off. Each interval's problems (ends before it starts, overlaps another) show under
 * it, from the same checks the server makes.
 */
export function WeekEditor({
  hours,
  onChange,
  problemAt,
}: {
  hours: WorkingHours;
  onChange: (hours: WorkingHours) => void;
  problemAt: (pointer: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setInterval = (index: number, patch: Partial<Interval>) =>
    onChange({ ...hours, week: hours.week.map((w, i) => (i === index ? { ...w, ...patch } : w)) });
  return (
    <div className="ld-field">
      <span className="hint">{t('lineDesigner.hoursHint')}</span>
      <ul className="ld-week">
        {weekdays.map((day) => {
          const intervals = intervalsOf(hours, day);
          return (
            <li key={day} className="ld-day" data-testid={`line-day-${day}`}>
              <span className="ld-day-name">{t(`lineDesigner.days.${day}`)}</span>
              <div className="ld-intervals">
                {intervals.length === 0 && <span className="muted">{t('lineDesigner.dayOff')}</span>}
                {intervals.map(({ interval, index }) => {
                  const badTime = !clockTime.test(interval.from) || !clockTime.test(interval.to);
                  const problem = badTime ? t('lineDesigner.timeFormat') : problemAt(`/hours/week/${index}`);
                  return (
                    <div key={index} className="ld-interval" data-testid="line-interval">
                      <div className="ld-interval-times">
                        <input
                          className="ld-time"
                          data-testid="line-interval-from"
                          aria-label={`${t(`lineDesigner.days.${day}`)}: ${t('lineDesigner.from')}`}
                          value={interval.from}
                          maxLength={5}
                          placeholder="09:00"
                          aria-invalid={Boolean(problem)}
                          onChange={(e) => setInterval(index, { from: e.target.value.trim() })}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          className="ld-time"
                          data-testid="line-interval-to"
                          aria-label={`${t(`lineDesigner.days.${day}`)}: ${t('lineDesigner.to')}`}
                          value={interval.to}
                          maxLength={5}
                          placeholder="18:00"
                          aria-invalid={Boolean(problem)}
                          onChange={(e) => setInterval(index, { to: e.target.value.trim() })}
                        />
                        <button
                          type="button"
                          className="btn ghost"
                          aria-label={t('lineDesigner.removeInterval')}
                          title={t('lineDesigner.removeInterval')}
                          onClick={() =>
                            onChange({ ...hours, week: hours.week.filter((_, i) => i !== index) })
                          }
                        >
                          ×
                        </button>
                      </div>
                      {problem && (
                        <span className="field-error" data-testid="line-interval-error">
                          {problem}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
              <div className="ld-day-actions">
                <button
                  type="button"
                  className="btn ghost"
                  data-testid={`line-interval-add-${day}`}
                  onClick={() => onChange({ ...hours, week: [...hours.week, nextInterval(hours, day)] })}
                >
                  + {t('lineDesigner.addInterval')}
                </button>
                {day === 1 && intervals.length > 0 && (
                  <button
                    type="button"
                    className="btn ghost"
                    data-testid="line-copy-weekdays"
                    onClick={() => onChange(copyDayToWeekdays(hours, day))}
                  >
                    {t('lineDesigner.copyToWeekdays')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
