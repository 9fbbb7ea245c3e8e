import { type Announcement, type AnnouncementInput, ApiError, type ErrorDetail } from '@opora/sdk';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { RichTextEditor } from '../knowledge-base/editor/RichTextEditor';
import { errorText } from '../lib/error-text';
import { fromLocalInput, periodProblems, toLocalInput } from './announcement-time';
import { severities } from './severity';

/** Creating or changing one announcement, in a dialog; times in the user's local time. */
export function AnnouncementForm({
  editing,
  onSubmit,
  onClose,
}: {
  editing: Announcement | null;
  onSubmit: (input: AnnouncementInput) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [severity, setSeverity] = useState<Announcement['severity']>(editing?.severity ?? 'info');
  const [startsAt, setStartsAt] = useState(toLocalInput(editing?.startsAt ?? new Date().toISOString()));
  const [endsAt, setEndsAt] = useState(toLocalInput(editing?.endsAt));
  const [tried, setTried] = useState(false);
  const [details, setDetails] = useState<ErrorDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const problems = periodProblems(startsAt, endsAt);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.startsAt || problems.endsAt || !title.trim()) return;
    setBusy(true);
    setError(null);
    setDetails([]);
    try {
      await onSubmit({
        title: title.trim(),
        body: body.replace(/^<p><\/p>$/, ''),
        severity,
        startsAt: fromLocalInput(startsAt)!,
        endsAt: endsAt ? fromLocalInput(endsAt) : null,
      });
    } catch (e) {
      if (e instanceof ApiError) setDetails(e.details);
      setError(errorText(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog ann-dialog" data-testid="announcement-form" onCancel={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <h2>{editing ? t('announcements.editTitle') : t('announcements.createTitle')}</h2>
        <label>
          {t('announcements.title')}
          <input
            value={title}
            data-testid="announcement-title"
            aria-invalid={tried && !title.trim() ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          {tried && !title.trim() && <span className="field-error">{t('announcements.titleRequired')}</span>}
          <FieldError details={details} pointer="/title" />
        </label>
        <fieldset className="ann-severity">
          <legend className="label">{t('announcements.severity')}</legend>
          {severities.map((s) => (
            <label key={s} className={`check ann-sev ann-sev-${s}`}>
              <input
                type="radio"
                name="severity"
                value={s}
                checked={severity === s}
                onChange={() => setSeverity(s)}
              />
              {t(`announcements.severities.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="ann-period">
          <label>
            {t('announcements.startsAt')}
            <input
              type="datetime-local"
              value={startsAt}
              data-testid="announcement-starts"
              aria-invalid={tried && problems.startsAt ? true : undefined}
              onChange={(e) => setStartsAt(e.target.value)}
            />
            {tried && problems.startsAt && (
              <span className="field-error">{t(`announcements.problems.${problems.startsAt}`)}</span>
            )}
            <FieldError details={details} pointer="/startsAt" />
          </label>
          <label>
            {t('announcements.endsAt')}
            <input
              type="datetime-local"
              value={endsAt}
              min={startsAt || undefined}
              data-testid="announcement-ends"
              aria-invalid={problems.endsAt ? true : undefined}
              onChange={(e) => setEndsAt(e.target.value)}
            />
            <span className="hint">{t('announcements.endsHint')}</span>
            {problems.endsAt && (
              <span className="field-error">{t(`announcements.problems.${problems.endsAt}`)}</span>
            )}
            <FieldError details={details} pointer="/endsAt" />
          </label>
        </div>
        <div className="kb-field">
          <span className="label">{t('announcements.body')}</span>
          <RichTextEditor
            variant="simple"
            content={body}
            onChange={setBody}
            label={t('announcements.body')}
            testId="announcement-body"
          />
          <FieldError details={details} pointer="/body" />
        </div>
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy} data-testid="announcement-submit">
            {busy ? t('common.wait') : editing ? t('announcements.save') : t('announcements.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
