import { applyDefaults, type Locale } from '@opora/runtime/definitions';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { LoadError, Loading } from '../../components/ScreenStates';
import { FormRenderer } from '../../forms/FormRenderer';
import { createFormModel } from '../../forms/form-model';
import { clockIn } from '../../forms/server-clock';
import { localText } from '../../lib/local-text';
import { navigate, router } from '../../lib/router';
import { useStore } from '../../lib/store';
import { cardPath, listPath, newPath } from '../../records/record-paths';
import { flash } from '../state/flash';
import type { ScreenForm } from '../state/screen-form';
import { submit } from '../state/submit';
import { useScreenForm } from '../state/use-screen-form';
import { prefillFromQuery } from './prefill';

const purposes = ['create', 'edit'] as const;

/** A new record through the type's create form (or its edit form, or a generated one); saved, it opens its card. */
export function CreateScreen({ entity }: { entity: string }) {
  const preferred = new URLSearchParams(router.path().split('?')[1] ?? '').get('form') ?? undefined;
  const loaded = useScreenForm(entity, purposes, preferred);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'failed') return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  return <CreateForm screen={loaded.data.screen} timeZone={loaded.data.timeZone} />;
}

function CreateForm({ screen, timeZone }: { screen: ScreenForm; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const model = useMemo(() => {
    const search = router.path().split('?')[1] ?? '';
    const initial = applyDefaults(screen.entity, prefillFromQuery(screen.entity, search));
    return createFormModel(screen.compiled, initial, clockIn(timeZone));
  }, [screen, timeZone]);
  const { saving } = useStore(model.store);
  const typeLabel = localText(screen.entity.label, i18n.language);
  const title = screen.form.title
    ? localText(screen.form.title, i18n.language)
    : t('work.create.title', { type: typeLabel });

  const save = async () => {
    const result = await submit(model, screen, i18n.language as Locale, t('work.form.failed'));
    if (result.kind !== 'saved') return;
    const { record, failedActions } = result.outcome;
    flash.set(
      failedActions.length
        ? {
            tone: 'warning',
            text: t('work.create.savedWithProblems', { problems: failedActions.join('; ') }),
          }
        : { tone: 'success', text: t('work.create.saved', { type: typeLabel, number: record.number }) },
    );
    navigate(cardPath(screen.entityKey, record.id));
  };

  return (
    <form
      className="work-screen create-screen"
      data-testid="create-screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <nav className="crumbs" aria-label={t('work.crumbs')}>
        <Link to={listPath(screen.entityKey)}>
          {localText(screen.entity.pluralLabel ?? screen.entity.label, i18n.language)}
        </Link>
      </nav>
      <header className="screen-head">
        <h1>{title}</h1>
        {screen.alternatives.length > 1 && (
          <label className="form-choice">
            {t('work.create.formChoice')}
            <select
              data-testid="form-choice"
              value={screen.formKey ?? ''}
              onChange={(e) =>
                navigate(newPath(screen.entityKey, `?form=${encodeURIComponent(e.target.value)}`))
              }
            >
              {screen.alternatives.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.title ? localText(f.title, i18n.language) : f.key}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <div className="sheet">
        <FormRenderer model={model} mode="edit" entityKey={screen.entityKey} />
      </div>
      <div className="form-actions sticky-actions">
        <button type="submit" className="btn primary" disabled={saving} data-testid="save">
          {saving ? t('common.wait') : t('work.create.save')}
        </button>
        <Link to={listPath(screen.entityKey)} className="btn">
          {t('work.cancel')}
        </Link>
      </div>
    </form>
  );
}
