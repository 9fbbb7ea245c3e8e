import { useEffect } from 'react';
import { useStore } from '../lib/store';
import { notice } from './state/notice';

/** What the last assignment did, read out to screen readers; it fades after a while. */
export function Notice() {
  const message = useStore(notice);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => notice.set(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div className="sv-notice-slot" role="status" aria-live="polite">
      {message && (
        <div className={`sv-notice ${message.tone}`} data-testid="board-notice">
          {message.text}
        </div>
      )}
    </div>
  );
}
