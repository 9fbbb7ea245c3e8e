import { siteOriginProblem } from '@opora/runtime/definitions';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { type OriginRow, originRows, originsFromRows, repeatedRows, rowsFor } from './origin-rows';

/**
 * The sites allowed to embed the chat, one input each, checked as they are typed with the words of
 * `siteOriginProblem` (what to type instead), not the schema's regular expression. Rows stay local so a row just
 * added (still empty) is not written into the channel.
 */
export function OriginsEditor({
  value,
  onChange,
  listProblem,
}: {
  value: string[];
  onChange: (origins: string[]) => void;
  listProblem: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const id = useId();
  const [typed, setRows] = useState<readonly OriginRow[]>(() => originRows(value));
  const rows = rowsFor(typed, value);
  if (rows !== typed) setRows(rows);
  const repeated = repeatedRows(rows);
  const list = useRef<HTMLUListElement>(null);
  const change = (next: readonly OriginRow[]) => {
    setRows(next);
    onChange(originsFromRows(next));
  };
  const add = () => {
    change([...rows, { id: Math.max(0, ...rows.map((r) => r.id)) + 1, text: '' }]);
    // The new input exists after this render; focus it so the admin types straight away.
    queueMicrotask(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <fieldset className="fieldset cd-origins" data-testid="channel-origins">
      <legend>{t('channelDesigner.widget.origins')}</legend>
      {rows.length === 0 && <span className="muted">{t('channelDesigner.widget.noOrigins')}</span>}
      <ul ref={list} className="cd-origin-list">
        {rows.map((row, index) => {
          const problem = row.text.trim()
            ? (siteOriginProblem(row.text.trim(), locale) ??
              (repeated.has(row.id) ? t('channelDesigner.widget.repeatedOrigin') : undefined))
            : undefined;
          const errorId = `${id}-${row.id}`;
          const label = t('channelDesigner.widget.origin', { number: index + 1 });
          return (
            <li key={row.id}>
              <div className="cd-origin-row">
                <input
                  type="url"
                  inputMode="url"
                  spellCheck={false}
                  aria-label={label}
                  data-testid="channel-origin"
                  placeholder="https://shop.example.ru"
                  value={row.text}
                  maxLength={300}
                  aria-invalid={Boolean(problem)}
                  aria-describedby={problem ? errorId : undefined}
                  onChange={(e) =>
                    change(rows.map((r) => (r.id === row.id ? { ...r, text: e.target.value } : r)))
                  }
                />
                <button
                  type="button"
                  className="btn ghost"
                  aria-label={t('channelDesigner.widget.removeOrigin', { origin: row.text || index + 1 })}
                  title={t('channelDesigner.widget.removeOrigin', { origin: row.text || index + 1 })}
                  onClick={() => change(rows.filter((r) => r.id !== row.id))}
                >
                  ✕
                </button>
              </div>
              {problem && (
                <span className="field-error" role="alert" id={errorId} data-testid="channel-origin-error">
                  {problem}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="actions left">
        <button type="button" className="btn" data-testid="channel-origin-add" onClick={add}>
          + {t('channelDesigner.widget.addOrigin')}
        </button>
      </div>
      <FieldNote message={listProblem} hint={t('channelDesigner.widget.originsHint')} />
    </fieldset>
  );
}
