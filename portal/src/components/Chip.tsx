import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chosen item (a linked record, a person, a file) with a button to remove it. */
export function Chip({ children, onRemove }: { children: ReactNode; onRemove?: () => void }) {
  const { t } = useTranslation();
  return (
    <span className="chip">
      {children}
      {onRemove && (
        <button type="button" className="chip-remove" aria-label={t('work.remove')} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
