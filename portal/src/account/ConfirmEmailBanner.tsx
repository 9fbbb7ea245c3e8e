import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailLinks } from './mail-links-api';
import './i18n';

/** Until the client confirms the sign-up address: a reminder, and the mail sent again on request. */
export function ConfirmEmailBanner() {
  const { t } = useTranslation();
  const [email, setEmail] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    mailLinks
      .emailStatus()
      .then((s) => live && setEmail(s.confirmed ? null : s.email))
      // Only a reminder: without an answer there is nothing to remind of.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!email) return null;
  const resend = async () => {
    setBusy(true);
    try {
      await mailLinks.resendConfirmation();
      setNote(t('myAccount.confirm.resent'));
    } catch (e) {
      setNote(e instanceof Error ? e.message : t('myAccount.confirm.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner info confirm-banner" role="status" data-testid="confirm-banner">
      <span>{t('myAccount.confirm.banner', { email })}</span>{' '}
      {note ? (
        <strong>{note}</strong>
      ) : (
        <button type="button" className="btn" onClick={resend} disabled={busy} data-testid="confirm-resend">
          {t('myAccount.confirm.resend')}
        </button>
      )}
    </div>
  );
}
