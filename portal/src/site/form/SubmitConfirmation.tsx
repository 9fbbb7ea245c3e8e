import type { PortalFormSubmitResult } from '@opora/sdk';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { accountPaths } from '../../account/account-paths';
import { Link } from '../../components/Link';
import { useSession } from '../../state/session';
import { audienceOf } from '../audience';

/** «Обращение № N принято»: where to follow it (the account) or how to be able to (sign up). */
export function SubmitConfirmation({
  result,
  onAnother,
}: {
  result: PortalFormSubmitResult;
  onAnother(): void;
}) {
  const { t } = useTranslation();
  const who = audienceOf(useSession());
  const box = useRef<HTMLDivElement>(null);
  // The form is gone from under the focus: the confirmation takes it, so screen readers read it out.
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="form-confirmation" role="status" tabIndex={-1} ref={box} data-testid="form-confirmation">
      <span className="confirmation-mark" aria-hidden="true">
        ✓
      </span>
      <p className="confirmation-text">{t('site.form.accepted', { number: result.number })}</p>
      <div className="widget-actions">
        {who === 'client' && (
          <Link to={accountPaths.request(result.id)} className="btn primary">
            {t('site.form.follow')}
          </Link>
        )}
        {who === 'anonymous' && (
          <Link to={accountPaths.signup} className="btn primary">
            {t('site.form.signUp')}
          </Link>
        )}
        <button type="button" className="btn" onClick={onAnother}>
          {t('site.form.another')}
        </button>
      </div>
    </div>
  );
}
