import { useTranslation } from 'react-i18next';
import { usePublishedLines } from './use-published-lines';

/** Checkboxes of the published lines; a key kept in the body but no longer published is shown so it can be removed. */
export function LinesPicker({
  value,
  onChange,
  problem,
}: {
  value: string[];
  onChange: (lines: string[]) => void;
  problem: string | undefined;
}) {
  const { t } = useTranslation();
  const { lines, failed } = usePublishedLines();
  const known = new Set((lines ?? []).map((line) => line.key));
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...value, key] : value.filter((k) => k !== key));
  return (
    <fieldset className="tpl-lines" data-testid="template-lines">
      <legend>{t('templateDesigner.lines')}</legend>
      <span className="hint">{t('templateDesigner.linesHint')}</span>
      {failed && <span className="field-error">{t('templateDesigner.linesFailed')}</span>}
      {lines?.length === 0 && !failed && <span className="muted">{t('templateDesigner.linesNone')}</span>}
      {(lines ?? []).map((line) => (
        <label key={line.key} className="tpl-check">
          <input
            type="checkbox"
            checked={value.includes(line.key)}
            onChange={(event) => toggle(line.key, event.target.checked)}
          />
          {line.name} <code className="muted">{line.key}</code>
        </label>
      ))}
      {lines &&
        value
          .filter((key) => !known.has(key))
          .map((key) => (
            <label key={key} className="tpl-check">
              <input type="checkbox" checked onChange={() => toggle(key, false)} />
              <span className="field-error">{t('templateDesigner.unknownLine', { key })}</span>
            </label>
          ))}
      {problem && <span className="field-error">{problem}</span>}
    </fieldset>
  );
}
