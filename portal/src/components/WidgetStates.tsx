import { ApiError } from '@opora/sdk';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Async } from '../lib/use-async';

export function WidgetLoading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="widget-state loading-state" role="status" aria-live="polite">
      <span className="skeleton-line" />
      <span className="skeleton-line short" />
      <span className="sr-only">{label ?? t('site.loading')}</span>
    </div>
  );
}

export function WidgetEmpty({ children }: { children: ReactNode }) {
  return <div className="widget-state empty-state">{children}</div>;
}

/** What went wrong in the server's words (or that it is unreachable), and a way to try again. */
export function WidgetError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="widget-state error-state" role="alert">
      <span>{error instanceof ApiError ? error.message || t('site.loadFailed') : t('site.unreachable')}</span>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('site.retry')}
        </button>
      )}
    </div>
  );
}

/** The three states of a widget's load in one place: loading, failed (retry), empty, or the content. */
export function AsyncContent<T>({
  state,
  isEmpty,
  empty,
  children,
}: {
  state: Async<T> & { reload(): void };
  isEmpty?: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <WidgetLoading />;
  if (state.status === 'failed') return <WidgetError error={state.error} onRetry={state.reload} />;
  if (isEmpty?.(state.data)) return <WidgetEmpty>{empty}</WidgetEmpty>;
  return <>{children(state.data)}</>;
}
