import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';

/** Deleting is for articles never published; published ones are archived (their links must keep working). */
export function DeleteArticleButton({
  title,
  busy,
  onDelete,
}: {
  title: string;
  busy: boolean;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="btn danger" disabled={busy} onClick={() => setAsking(true)}>
        {t('kb.article.delete')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('kb.article.deleteTitle')}
          text={t('kb.article.deleteText', { title })}
          confirmLabel={t('kb.article.delete')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onDelete();
          }}
        />
      )}
    </>
  );
}
