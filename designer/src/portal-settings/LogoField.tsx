import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { Problems } from '../page-designer/inputs';

const accepted = 'image/png,image/jpeg,image/svg+xml,image/webp,image/gif';

/** The portal logo: upload an image (it becomes a portal asset), see it, replace or remove it. */
export function LogoField({
  value,
  onChange,
  problems,
}: {
  value: string | undefined;
  onChange: (assetId: string | undefined) => void;
  problems: readonly string[];
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const asset = await client.portal.uploadAsset(file, file.name);
      onChange(asset.id);
    } catch (e) {
      setError(errorText(e, t('portalSettings.logo.failed')));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="ps-logo" data-testid="ps-logo">
      <span className="label">{t('portalSettings.logo.label')}</span>
      <div className="ps-logo-row">
        <div className="ps-logo-preview">
          {value ? (
            <img src={client.portal.assetUrl(value)} alt={t('portalSettings.logo.alt')} />
          ) : (
            <span className="muted">{t('portalSettings.logo.none')}</span>
          )}
        </div>
        <div className="toolbar">
          <label className="btn ps-file">
            {busy
              ? t('portalSettings.logo.uploading')
              : value
                ? t('portalSettings.logo.replace')
                : t('portalSettings.logo.upload')}
            <input
              ref={input}
              type="file"
              accept={accepted}
              disabled={busy}
              data-testid="ps-logo-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
          {value && (
            <button
              type="button"
              className="btn"
              data-testid="ps-logo-remove"
              onClick={() => onChange(undefined)}
            >
              {t('portalSettings.logo.remove')}
            </button>
          )}
        </div>
      </div>
      <span className="hint">{t('portalSettings.logo.hint')}</span>
      <Problems messages={error ? [error, ...problems] : problems} />
    </div>
  );
}
