import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Problems } from '../inputs';

export interface KeyOption {
  key: string;
  label: string;
  /** Shown in a second group below the others (e.g. forms not meant for the portal). */
  secondary?: boolean;
}

/**
 * Picks a definition or category by key from a loaded list. While loading it waits; when the list could not
 * be loaded it becomes a text field for the key, so the page can still be edited.
 */
export function KeyPicker({
  label,
  value,
  options,
  failed,
  onChange,
  problems,
  emptyLabel,
  secondaryLabel,
  testId,
}: {
  label: string;
  value: string;
  options: KeyOption[] | null;
  failed: boolean;
  onChange: (key: string) => void;
  problems: readonly string[];
  /** The «none» choice; without it a choice is required and the empty value reads «choose…». */
  emptyLabel?: string;
  secondaryLabel?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const described = {
    'aria-invalid': problems.length > 0,
    'aria-describedby': problems.length ? id : undefined,
  };
  if (failed || !options)
    return (
      <label>
        {label}
        <input
          value={value}
          data-testid={testId}
          disabled={!failed}
          placeholder={failed ? t('pageDesigner.fields.typeKey') : t('common.loading')}
          onChange={(e) => onChange(e.target.value.trim())}
          {...described}
        />
        {failed && <span className="hint">{t('pageDesigner.fields.listFailed')}</span>}
        <Problems id={id} messages={problems} />
      </label>
    );
  const known = value === '' || options.some((o) => o.key === value);
  const render = (list: KeyOption[]) =>
    list.map((o) => (
      <option key={o.key} value={o.key}>
        {o.label}
      </option>
    ));
  const secondary = options.filter((o) => o.secondary);
  return (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)} {...described}>
        <option value="">{emptyLabel ?? t('pageDesigner.fields.choose')}</option>
        {!known && <option value={value}>{t('pageDesigner.fields.missingKey', { key: value })}</option>}
        {render(options.filter((o) => !o.secondary))}
        {secondary.length > 0 && <optgroup label={secondaryLabel}>{render(secondary)}</optgroup>}
      </select>
      {options.length === 0 && <span className="hint">{t('pageDesigner.fields.noneYet')}</span>}
      <Problems id={id} messages={problems} />
    </label>
  );
}
