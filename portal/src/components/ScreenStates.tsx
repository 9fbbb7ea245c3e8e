import { ApiError } from '@opora/sdk';
import { useTranslation } from 'react-i18next';

/** Something is on its way. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      {t('work.loading')}
    </div>
  );
}

/** A load failed: what the server said (or that it could not be reached), and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError
      ? error.status === 404
        ? t('work.notFound')
        : error.message
      : t('work.unreachable');
  return (
    <div className="banner error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('work.retry')}
        </button>
      )}
    </div>
  );
}
