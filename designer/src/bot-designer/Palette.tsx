import { type BlockType, blockTypes } from '@opora/runtime/bots';
import { blockTypeNames } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { type TriggerType, triggerTypes } from './new-nodes';

/**
 * Everything a bot is made of, one click each: a block is added beside the selected block (and connected from
 * its first free exit), a trigger starts at the selected block.
 */
export function Palette({
  onAddBlock,
  onAddTrigger,
}: {
  onAddBlock: (type: BlockType) => void;
  onAddTrigger: (type: TriggerType) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <nav className="bd-palette" aria-label={t('botDesigner.palette.title')} data-testid="bd-palette">
      <h3>{t('botDesigner.palette.blocks')}</h3>
      <div className="bd-palette-items">
        {blockTypes.map((type) => (
          <button
            key={type}
            type="button"
            className={`btn bd-palette-item bd-type-${type}`}
            data-testid={`bd-add-${type}`}
            title={t('botDesigner.palette.addBlock', { name: blockTypeNames[type][lang] })}
            onClick={() => onAddBlock(type)}
          >
            {blockTypeNames[type][lang]}
          </button>
        ))}
      </div>
      <h3>{t('botDesigner.palette.triggers')}</h3>
      <div className="bd-palette-items">
        {triggerTypes.map((type) => (
          <button
            key={type}
            type="button"
            className="btn bd-palette-item bd-trigger-item"
            data-testid={`bd-add-trigger-${type}`}
            title={t('botDesigner.palette.addTrigger', { name: t(`botDesigner.triggerTypes.${type}`) })}
            onClick={() => onAddTrigger(type)}
          >
            {t(`botDesigner.triggerTypes.${type}`)}
          </button>
        ))}
      </div>
    </nav>
  );
}
