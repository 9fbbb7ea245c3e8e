import type { ArticleState } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import './kb.css';

/** Черновик серый, на проверке жёлтый, опубликована зелёный, в архиве коричневый. */
export function StateBadge({ state }: { state: ArticleState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge kb-state kb-state-${state}`} data-testid="article-state">
      {t(`kb.state.${state}`)}
    </span>
  );
}
