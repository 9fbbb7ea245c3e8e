import { nodeName, type ProcessBody, type ProcessFlow } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { CheckField, TextField } from '../bot-designer/fields';
import { Icon } from '../components/Icon';
import { findNode } from './process-ops';
import { bendsOf } from './waypoint-ops';

/** The selected sequence flow: its label, its condition, whether it is its gateway's default. */
export function FlowProperties({
  body,
  flow,
  problems,
  onChange,
  onDefault,
  onRemove,
}: {
  body: ProcessBody;
  flow: ProcessFlow;
  problems: readonly string[];
  onChange: (next: ProcessFlow, field?: string) => void;
  onDefault: (on: boolean) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const end = (id: string) => {
    const node = findNode(body, id);
    return node ? nodeName(node, lang) : id;
  };
  const set = (key: 'name' | 'condition', value: string) => {
    const { [key]: _, ...rest } = flow;
    onChange(value ? { ...rest, [key]: value } : rest, key);
  };
  return (
    <section className="bd-props" data-testid="prd-flow-panel" data-flow={flow.id}>
      <h3>
        {t('processDesigner.flow.title')}
        <code>{flow.id}</code>
      </h3>
      {problems.length > 0 && (
        <ul className="bd-panel-problems">
          {problems.map((p) => (
            <li key={p}>
              <Icon name="warn" size={13} /> {p}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        {t('processDesigner.flow.from')}: {end(flow.source)}
        <br />
        {t('processDesigner.flow.to')}: {end(flow.target)}
      </p>
      <p className="muted" data-testid="prd-flow-bends">
        {t('processDesigner.flow.bends', { count: bendsOf(flow).length })}.{' '}
        {t('processDesigner.flow.bendsHint')}
      </p>
      <TextField
        label={t('processDesigner.flow.name')}
        value={flow.name ?? ''}
        testId="prd-flow-name"
        onChange={(v) => set('name', v)}
      />
      <TextField
        label={t('processDesigner.flow.condition')}
        value={flow.condition ?? ''}
        code
        hint={t('processDesigner.flow.conditionHint')}
        testId="prd-flow-condition"
        onChange={(v) => set('condition', v)}
      />
      <CheckField
        label={t('processDesigner.flow.isDefault')}
        value={!!flow.isDefault}
        testId="prd-flow-default"
        onChange={onDefault}
      />
      <button type="button" className="btn danger" data-testid="prd-remove-flow" onClick={onRemove}>
        <Icon name="trash" size={14} /> {t('processDesigner.flow.remove')}
      </button>
    </section>
  );
}
