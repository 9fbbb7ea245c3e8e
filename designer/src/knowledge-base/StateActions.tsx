import type { ArticleState } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateMoves } from './article-fields';
import { DialogShell } from './editor/DialogShell';

/** The lifecycle moves open from the article's state, each asked about first. */
export function StateActions({
  state,
  busy,
  dirty,
  onMove,
}: {
  state: ArticleState;
  busy: boolean;
  dirty: boolean;
  onMove: (to: ArticleState) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<ArticleState | null>(null);
  return (
    <>
      {stateMoves[state].map((to) => (
        <button
          key={to}
          type="button"
          className={to === 'published' ? 'btn kb-publish' : 'btn'}
          data-testid={`move-${to}`}
          disabled={busy}
          onClick={() => setAsking(to)}
        >
          {t(`kb.moves.${to}.button`)}
        </button>
      ))}
      {asking && (
        <DialogShell
          title={t(`kb.moves.${asking}.title`)}
          testId="move-dialog"
          submitLabel={t(`kb.moves.${asking}.button`)}
          onCancel={() => setAsking(null)}
          onSubmit={() => {
            setAsking(null);
            onMove(asking);
          }}
        >
          <p>{t(`kb.moves.${asking}.text`, { context: state })}</p>
          {dirty && <p className="banner warn">{t('kb.moves.savesFirst')}</p>}
        </DialogShell>
      )}
    </>
  );
}
