import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { videoEmbed } from '../video-embed';
import { DialogShell } from './DialogShell';

/** A video link as people copy it from the site; turned into the player's address before it goes in. */
export function VideoDialog({
  onInsert,
  onCancel,
}: {
  onInsert: (src: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const embed = videoEmbed(url);
  const submit = () => {
    if (!embed) return setError(t('kb.editor.videoInvalid'));
    onInsert(embed.src);
  };
  return (
    <DialogShell
      title={t('kb.editor.videoTitle')}
      testId="video-dialog"
      submitLabel={t('kb.editor.insert')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <label>
        {t('kb.editor.videoUrl')}
        <input
          data-testid="video-url"
          value={url}
          // biome-ignore lint/a11y/noAutofocus: the dialog exists to paste this link
          autoFocus
          placeholder="https://www.youtube.com/watch?v=…"
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setError(null);
          }}
        />
        <span className="hint">{t('kb.editor.videoHint')}</span>
        {error && <span className="field-error">{error}</span>}
        {embed && !error && (
          <span className="hint" data-testid="video-recognized">
            {t('kb.editor.videoRecognized', { host: t(`kb.editor.hosts.${embed.host}`) })}
          </span>
        )}
      </label>
    </DialogShell>
  );
}
