import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/ScreenStates';
import { localText } from '../lib/local-text';
import { useRecordTypes } from '../records/entity-types';
import { listPath, newPath } from '../records/record-paths';

/** /work: every data type the user may read as a tile, to open its list or (if allowed) start a new record. */
export function WorkHome() {
  const { t, i18n } = useTranslation();
  const types = useRecordTypes();
  if (types.status === 'loading') return <Loading />;
  if (types.status === 'failed') return <LoadError error={types.error} onRetry={types.reload} />;
  return (
    <section className="work-screen">
      <header className="screen-head">
        <h1>{t('work.home.title')}</h1>
      </header>
      {types.data.length === 0 ? (
        <p className="empty">{t('work.home.empty')}</p>
      ) : (
        <div className="tiles">
          {types.data.map((type) => (
            <div key={type.key} className="tile">
              <Link to={listPath(type.key)}>
                <strong>{localText(type.pluralLabel ?? type.label, i18n.language)}</strong>
              </Link>
              {type.access.create !== 'none' && (
                <Link to={newPath(type.key)} className="muted">
                  + {t('work.home.create', { type: localText(type.label, i18n.language) })}
                </Link>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
