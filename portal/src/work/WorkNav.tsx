import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { localText } from '../lib/local-text';
import { usePath } from '../lib/router';
import { useRecordTypes } from '../records/entity-types';
import { listPath } from '../records/record-paths';

/** Links to the data types staff work with: generated from the published types, not written by hand. */
export function WorkNav() {
  const { i18n } = useTranslation();
  const path = usePath();
  const types = useRecordTypes();
  const current = path.split(/[/?]/)[2];
  return (
    <>
      {[...(types.data ?? [])]
        .map((type) => ({ ...type, title: localText(type.pluralLabel ?? type.label, i18n.language) }))
        .sort((a, b) => a.title.localeCompare(b.title, i18n.language))
        .map((type) => (
          <Link
            key={type.key}
            to={listPath(type.key)}
            className={path.startsWith('/work/') && current === type.key ? 'active' : undefined}
          >
            {type.title}
          </Link>
        ))}
    </>
  );
}
