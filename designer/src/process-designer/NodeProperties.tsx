import { nodeTypeNames, type ProcessBody, type ProcessNode } from '@opora/runtime/definitions';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { PanelProps } from './nodes/panel-props';
import { nodePanels } from './nodes/panels';

/** The selected node: the problems found in it, its name and lane, its type's own panel, and a delete button. */
export function NodeProperties({
  body,
  node,
  problems,
  onChange,
  onRemove,
}: {
  body: ProcessBody;
  node: ProcessNode;
  problems: readonly string[];
  onChange: (next: ProcessNode, field?: string) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const Panel = nodePanels[node.type] as unknown as ComponentType<PanelProps<ProcessNode>>;
  const lanes = body.lanes ?? [];
  return (
    <section className="bd-props" data-testid="prd-node-panel" data-node={node.id}>
      <h3>
        {nodeTypeNames[node.type][lang]}
        <code>{node.id}</code>
      </h3>
      {problems.length > 0 && (
        <ul className="bd-panel-problems" data-testid="prd-panel-problems">
          {problems.map((p) => (
            <li key={p}>
              <Icon name="warn" size={13} /> {p}
            </li>
          ))}
        </ul>
      )}
      <label className="bd-field">
        <span>{t('processDesigner.panel.name')}</span>
        <input
          value={node.name ?? ''}
          maxLength={500}
          data-testid="prd-node-name"
          onChange={(e) => {
            const { name: _, ...rest } = node;
            onChange((e.target.value ? { ...rest, name: e.target.value } : rest) as ProcessNode, 'name');
          }}
        />
      </label>
      {lanes.length > 0 && (
        <label className="bd-field">
          <span>{t('processDesigner.panel.lane')}</span>
          <select
            value={node.lane ?? ''}
            data-testid="prd-node-lane"
            onChange={(e) => {
              const { lane: _, ...rest } = node;
              onChange((e.target.value ? { ...rest, lane: e.target.value } : rest) as ProcessNode);
            }}
          >
            <option value="">{t('processDesigner.panel.none')}</option>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name ?? l.id}
              </option>
            ))}
          </select>
        </label>
      )}
      <Panel node={node} body={body} onChange={onChange} />
      <button type="button" className="btn danger" data-testid="prd-remove-node" onClick={onRemove}>
        <Icon name="trash" size={14} /> {t('processDesigner.panel.remove')}
      </button>
    </section>
  );
}
