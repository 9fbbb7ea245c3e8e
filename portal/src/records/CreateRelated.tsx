import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { useTypeAccess } from './entity-types';

/** "+ Create" for a related record, offered only to those who may create records of that type. */
export function CreateRelated({ entity, to }: { entity: string; to: string }) {
  const { t } = useTranslation();
  if (useTypeAccess(entity).create === 'none') return null;
  return (
    <Link to={to} className="btn">
      + {t('work.related.create')}
    </Link>
  );
}
