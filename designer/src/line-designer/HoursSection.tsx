import type { WorkingHours } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { LocalizedInput } from '../components/LocalizedInput';
import { WithCode } from '../components/WithCode';
import { officeHours, readHours } from './line-draft';
import type { SectionProps } from './section-props';
import { TimeZoneField } from './TimeZoneField';
import { WeekEditor } from './WeekEditor';

type LText = { ru: string; en?: string };

/**
 * When the line works: around the clock, or a weekly schedule in a time zone with holidays, and what a client is told
 * outside it (with when work resumes put in by the runtime).
 */
export function HoursSection({ body, update, problemAt }: SectionProps) {
  const { t } = useTranslation();
  const hours = readHours(body.hours);
  const setHours = (next: WorkingHours) => update({ hours: next });
  const outOfHours = body.outOfHours as { reply?: LText; offerRequest?: boolean } | undefined;
  const holidays = hours?.holidays ?? [];
  const replyProblem = problemAt('/outOfHours');
  return (
    <section className="ld-section" data-testid="line-hours">
      <h2>{t('lineDesigner.sections.hours')}</h2>
      <label className="ld-check">
        <input
          type="checkbox"
          data-testid="line-scheduled"
          checked={Boolean(hours)}
          onChange={(e) =>
            update(e.target.checked ? { hours: officeHours() } : { hours: undefined, outOfHours: undefined })
          }
        />
        {t('lineDesigner.scheduled')}
      </label>
      {!hours ? (
        <p className="muted ld-empty">{t('lineDesigner.aroundTheClock')}</p>
      ) : (
        <>
          <TimeZoneField
            value={hours.timeZone}
            onChange={(timeZone) => setHours({ ...hours, timeZone })}
            problem={problemAt('/hours/timeZone')}
          />
          <WeekEditor hours={hours} onChange={setHours} problemAt={problemAt} />
          <fieldset className="ld-field" data-testid="line-holidays">
            <legend>{t('lineDesigner.holidays')}</legend>
            <ul className="ld-holidays">
              {holidays.map((date, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: dates may repeat while being typed
                <li key={i}>
                  <input
                    type="date"
                    aria-label={t('lineDesigner.holidays')}
                    value={date}
                    onChange={(e) =>
                      setHours({ ...hours, holidays: holidays.map((d, j) => (j === i ? e.target.value : d)) })
                    }
                  />
                  <button
                    type="button"
                    className="btn ghost"
                    aria-label={t('lineDesigner.removeHoliday')}
                    title={t('lineDesigner.removeHoliday')}
                    onClick={() => setHours({ ...hours, holidays: holidays.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <div className="actions left">
              <button
                type="button"
                className="btn"
                data-testid="line-holiday-add"
                onClick={() =>
                  setHours({ ...hours, holidays: [...holidays, new Date().toISOString().slice(0, 10)] })
                }
              >
                + {t('lineDesigner.addHoliday')}
              </button>
            </div>
            <FieldNote message={problemAt('/hours/holidays')} hint={t('lineDesigner.holidaysHint')} />
          </fieldset>
        </>
      )}
      {(hours || outOfHours) && (
        <div className="ld-field">
          <LocalizedInput
            label={t('lineDesigner.outOfHours')}
            value={outOfHours?.reply}
            onChange={(reply) =>
              update({
                outOfHours: reply ? { reply, offerRequest: outOfHours?.offerRequest ?? true } : undefined,
              })
            }
            problems={replyProblem ? [replyProblem] : []}
            testId="line-out-of-hours"
            multiline
            optional
            classPrefix="ld"
          />
          <span className="hint">
            <WithCode text={t('lineDesigner.outOfHoursHint')} />
          </span>
          {outOfHours?.reply && (
            <label className="ld-check">
              <input
                type="checkbox"
                data-testid="line-offer-request"
                checked={outOfHours.offerRequest ?? false}
                onChange={(e) => update({ outOfHours: { ...outOfHours, offerRequest: e.target.checked } })}
              />
              {t('lineDesigner.offerRequest')}
            </label>
          )}
        </div>
      )}
    </section>
  );
}
