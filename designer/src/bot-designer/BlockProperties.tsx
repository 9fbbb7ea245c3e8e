import type { BotBlock } from '@opora/runtime/bots';
import { type BotBody, blockName, blockTypeNames } from '@opora/runtime/definitions';
import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { exitLabel, exitsOf, exitTarget } from './block-exits';
import type { PanelProps } from './blocks/panel-props';
import { blockPanels } from './blocks/panels';

/**
 * The selected block: the problems the check found in it, its id and label, its own fields (the panel of its
 * type), and where each exit leads — a select per exit, the keyboard's and the small screen's way to connect.
 */
export function BlockProperties({
  body,
  block,
  problems,
  onChange,
  onRename,
  onConnect,
  onRemove,
}: {
  body: BotBody;
  block: BotBlock;
  problems: readonly string[];
  onChange: (next: BotBlock, field?: string) => void;
  /** Answers whether the new id was taken. */
  onRename: (to: string) => boolean;
  onConnect: (exit: string, target: string | null) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const Panel = blockPanels[block.type] as unknown as ComponentType<PanelProps<BotBlock>>;
  const [id, setId] = useState(block.id);
  const [idRefused, setIdRefused] = useState(false);
  useEffect(() => {
    setId(block.id);
    setIdRefused(false);
  }, [block.id]);
  const commitId = () => {
    if (id === block.id) return;
    if (!onRename(id.trim())) setIdRefused(true);
  };
  return (
    <section className="bd-props" data-testid="bd-block-panel" data-block={block.id}>
      <h3>
        {blockTypeNames[block.type][lang]}
        <code>{block.id}</code>
      </h3>
      {problems.length > 0 && (
        <ul className="bd-panel-problems" data-testid="bd-panel-problems">
          {problems.map((p) => (
            <li key={p}>
              <Icon name="warn" size={13} /> {p}
            </li>
          ))}
        </ul>
      )}
      <div className="bd-pair">
        <label className="bd-field">
          <span>{t('botDesigner.panel.id')}</span>
          <input
            value={id}
            maxLength={64}
            spellCheck={false}
            data-testid="bd-block-id"
            aria-invalid={idRefused}
            onChange={(e) => {
              setId(e.target.value);
              setIdRefused(false);
            }}
            onBlur={commitId}
            onKeyDown={(e) => e.key === 'Enter' && commitId()}
          />
          {idRefused && <small className="field-error">{t('botDesigner.panel.idTaken')}</small>}
        </label>
        <label className="bd-field">
          <span>{t('botDesigner.panel.label')}</span>
          <input
            value={block.label ?? ''}
            maxLength={200}
            data-testid="bd-block-label"
            onChange={(e) => {
              const { label: _, ...rest } = block;
              onChange((e.target.value ? { ...rest, label: e.target.value } : rest) as BotBlock, 'label');
            }}
          />
        </label>
      </div>
      <Panel block={block} onChange={onChange} />
      {exitsOf(block).length > 0 && (
        <fieldset className="bd-rows" data-testid="bd-exits">
          <legend>{t('botDesigner.panel.exits')}</legend>
          {exitsOf(block).map((exit) => (
            <label key={exit.name} className="bd-exit-field">
              <span>{exitLabel(block, exit.name, t, lang)}</span>
              <select
                value={exitTarget(block, exit.name) ?? ''}
                data-testid={`bd-exit-select-${exit.name}`}
                onChange={(e) => onConnect(exit.name, e.target.value || null)}
              >
                <option value="">{t('botDesigner.panel.exitNone')}</option>
                {body.blocks.map((b) => (
                  <option key={b.id} value={b.id}>
                    {blockName(b, lang)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="btn danger" data-testid="bd-remove-block" onClick={onRemove}>
        <Icon name="trash" size={14} /> {t('botDesigner.panel.remove')}
      </button>
    </section>
  );
}
