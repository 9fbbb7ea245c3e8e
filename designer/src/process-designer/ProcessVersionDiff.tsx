import { nodeName } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import '../bot-designer/bot-designer.css';
import './i18n';
import { isSame, processVersionDiff } from './process-version-diff';

/** A published version against the draft, node by node and flow by flow, each named as the canvas names it. */
export function ProcessVersionDiffView({
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
  const diff = processVersionDiff(versionBody, draftBody);
  if (!diff) return null;
  const group = (kind: string, names: string[]) =>
    names.length > 0 && (
      <div
        className={`bd-diff-group ${kind.replace('flows', '').toLowerCase() || kind}`}
        data-testid={`prd-diff-${kind}`}
      >
        <span className="label">{t(`processDesigner.diff.${kind}`)}</span>
        <ul>
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </div>
    );
  const flowName = (f: { id: string; source: string; target: string }) =>
    `${f.id}: ${f.source} → ${f.target}`;
  return (
    <section className="bd-diff" data-testid="prd-version-diff">
      <h3>{t('processDesigner.diff.title', { version })}</h3>
      {isSame(diff) ? (
        <p className="muted">{t('processDesigner.diff.same')}</p>
      ) : (
        <>
          {group(
            'added',
            diff.added.map((n) => nodeName(n, lang)),
          )}
          {group(
            'removed',
            diff.removed.map((n) => nodeName(n, lang)),
          )}
          {group(
            'changed',
            diff.changed.map((n) => nodeName(n, lang)),
          )}
          {group('flowsAdded', diff.flowsAdded.map(flowName))}
          {group('flowsRemoved', diff.flowsRemoved.map(flowName))}
          {group('flowsChanged', diff.flowsChanged.map(flowName))}
          {diff.settingsChanged && (
            <p data-testid="prd-diff-settings">{t('processDesigner.diff.settings')}</p>
          )}
        </>
      )}
    </section>
  );
}
