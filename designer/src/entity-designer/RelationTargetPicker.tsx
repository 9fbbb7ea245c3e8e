import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';
import { errorText } from '../lib/error-text';
import { useEntityTypes } from './use-entity-types';

/** Which published data type a relation points to; a target no longer listed stays visible by its key. */
export function RelationTargetPicker({
  value,
  onChange,
  problems,
}: {
  value: string;
  onChange: (key: string) => void;
  problems: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const types = useEntityTypes();
  const items = types.status === 'ready' ? types.items : [];
  const known = items.some((d) => d.key === value);
  return (
    <label>
      {t('entityDesigner.props.target')}
      <select
        data-testid="relation-target"
        value={value}
        disabled={types.status === 'loading'}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? id : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">
          {types.status === 'loading' ? t('common.loading') : t('entityDesigner.props.pickTarget')}
        </option>
        {value && !known && <option value={value}>{value}</option>}
        {items.map((d) => (
          <option key={d.key} value={d.key}>
            {d.name} ({d.key})
          </option>
        ))}
      </select>
      {types.status === 'failed' && (
        <span className="field-error">{errorText(types.error, t('common.loadFailed'))}</span>
      )}
      {types.status === 'ready' && !items.length && (
        <span className="hint">{t('entityDesigner.props.noTargets')}</span>
      )}
      <Messages messages={problems} id={id} />
    </label>
  );
}
