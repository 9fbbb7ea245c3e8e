import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { type NodeKind, nodeKinds } from './node-kind';

/** «Что это»: a question with choices, or one of the ways a walk ends; ends are locked while choices exist. */
export function KindChooser({
  value,
  onChange,
  leafLocked,
  onlyQuestion,
}: {
  value: NodeKind;
  onChange: (kind: NodeKind) => void;
  /** The node has choices, so it cannot become an answer yet. */
  leafLocked: boolean;
  /** The start is always a question. */
  onlyQuestion: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="td-kinds" data-testid="td-kind">
      <legend>{t('treeDesigner.props.kind')}</legend>
      <div className="td-kind-grid">
        {nodeKinds.map((kind) => {
          const disabled = kind !== 'question' && (leafLocked || onlyQuestion);
          return (
            <label
              key={kind}
              className={value === kind ? 'td-kind-option active' : 'td-kind-option'}
              data-testid={`td-kind-${kind}`}
              title={t(`treeDesigner.kindHints.${kind}`)}
            >
              <input
                type="radio"
                name="td-kind"
                value={kind}
                checked={value === kind}
                disabled={disabled}
                onChange={() => onChange(kind)}
              />
              <Icon name={kind} size={14} className="td-icon" />
              {t(`treeDesigner.kinds.${kind}`)}
            </label>
          );
        })}
      </div>
      {leafLocked && !onlyQuestion && (
        <span className="hint">{t('treeDesigner.props.leafLockedChildren')}</span>
      )}
    </fieldset>
  );
}
