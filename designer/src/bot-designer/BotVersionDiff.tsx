import type { BotBlock } from '@opora/runtime/definitions';
import { blockTypeNames } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import './bot-designer.css';
import './i18n';
import { botVersionDiff, isSame } from './bot-version-diff';

/** A published version against the draft, block by block, each named as the canvas names it. */
export function BotVersionDiffView({
  version,
  versionBody,
  draftBody,
}: {
  version: number;
  versionBody: unknown;
  draftBody: unknown;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const diff = botVersionDiff(versionBody, draftBody);
  if (!diff) return null;
  const name = (block: BotBlock) => {
    const type = blockTypeNames[block.type]?.[lang] ?? block.type;
    return block.label ? `${type} «${block.label}»` : `${type} (${block.id})`;
  };
  const group = (kind: 'added' | 'removed' | 'changed', blocks: BotBlock[]) =>
    blocks.length > 0 && (
      <div className={`bd-diff-group ${kind}`} data-testid={`bd-diff-${kind}`}>
        <span className="label">{t(`botDesigner.diff.${kind}`)}</span>
        <ul>
          {blocks.map((block) => (
            <li key={block.id}>{name(block)}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <section className="bd-diff" data-testid="bd-version-diff">
      <h3>{t('botDesigner.diff.title', { version })}</h3>
      {isSame(diff) ? (
        <p className="muted">{t('botDesigner.diff.same')}</p>
      ) : (
        <>
          {group('added', diff.added)}
          {group('removed', diff.removed)}
          {group('changed', diff.changed)}
          {diff.settingsChanged && <p data-testid="bd-diff-settings">{t('botDesigner.diff.settings')}</p>}
        </>
      )}
    </section>
  );
}
