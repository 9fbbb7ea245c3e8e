import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutList } from './shortcuts';

/** The «?» popover: every shortcut with its keys. Escape or a click outside closes it. */
export function ShortcutsHelp({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onToggle(false);
    };
    const onClick = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) onToggle(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open, onToggle]);
  return (
    <div className="shortcuts" ref={box}>
      <button
        type="button"
        className="btn ghost small"
        aria-expanded={open}
        aria-label={t('operatorWindow.help.button')}
        title={t('operatorWindow.help.button')}
        onClick={() => onToggle(!open)}
        data-testid="shortcuts-button"
      >
        ?
      </button>
      {open && (
        <div
          className="shortcuts-help"
          role="dialog"
          aria-label={t('operatorWindow.help.title')}
          data-testid="shortcuts-help"
        >
          <strong>{t('operatorWindow.help.title')}</strong>
          <dl>
            {shortcutList.map(({ action, keys }) => (
              <div key={action}>
                <dt>
                  {keys.map((combo, i) => (
                    <span key={combo.join('+')}>
                      {i > 0 && ` ${t('operatorWindow.help.or')} `}
                      {combo.map((k, j) => (
                        <span key={k}>
                          {j > 0 && '+'}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </dt>
                <dd>{t(`operatorWindow.help.${action}`)}</dd>
              </div>
            ))}
            <div>
              <dt>
                <kbd>/</kbd>
              </dt>
              <dd>{t('operatorWindow.help.slash')}</dd>
            </div>
          </dl>
        </div>
      )}
    </div>
  );
}
