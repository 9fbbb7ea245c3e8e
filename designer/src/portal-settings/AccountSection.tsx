import type { PortalAccount, PortalBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Problems } from '../page-designer/inputs';
import { type AccountField, fieldCandidates, fieldOptionTexts, guessAccount } from './account-mapping';
import { type Edit, optional } from './portal-edit';
import type { EntityOption } from './use-portal-lookups';

/** Which data types and fields hold the clients and their requests (sign-up, «Мои обращения», notifications). */
export function AccountSection({
  body,
  edit,
  at,
  entities,
  failed,
}: {
  body: PortalBody;
  edit: Edit;
  at: (p: string) => string[];
  entities: EntityOption[] | null;
  failed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const account = body.account;
  const set = (patch: Partial<PortalAccount>) =>
    edit((b) => (b.account ? { ...b, account: { ...b.account, ...patch } } : b));
  const bodyOf = (key: string) => entities?.find((e) => e.key === key)?.body;

  const typeSelect = (role: 'requests' | 'clients', fields: AccountField[]) => (
    <label>
      {t(`portalSettings.account.${role}`)}
      <select
        value={account?.[role] ?? ''}
        data-testid={`ps-account-${role}`}
        onChange={(e) => {
          const key = e.target.value;
          const target = bodyOf(key);
          const clients = role === 'clients' ? key : account?.clients;
          // A new type: its fields are other fields, so take the likeliest of each.
          const reset = Object.fromEntries(
            fields.map((f) => [f, fieldCandidates(target, f, clients)[0]?.key ?? '']),
          );
          set({ [role]: key, ...reset });
        }}
      >
        {!entities?.some((e) => e.key === account?.[role]) && (
          <option value={account?.[role] ?? ''}>{account?.[role]}</option>
        )}
        {entities?.map((e) => (
          <option key={e.key} value={e.key}>
            {e.name}
          </option>
        ))}
      </select>
      <Problems messages={at(`/account/${role}`)} />
    </label>
  );
  const fieldSelect = (role: AccountField, owner: string) => {
    const candidates = fieldCandidates(bodyOf(owner), role, account?.clients);
    const value = account?.[role] ?? '';
    const texts = fieldOptionTexts(candidates, i18n.language);
    return (
      <label>
        {t(`portalSettings.account.${role}`)}
        <select
          value={value}
          data-testid={`ps-account-${role}`}
          onChange={(e) => set({ [role]: e.target.value })}
        >
          {!candidates.some((f) => f.key === value) && (
            <option value={value}>{value || t('portalSettings.account.noField')}</option>
          )}
          {candidates.map((f) => (
            <option key={f.key} value={f.key}>
              {texts.get(f.key)}
            </option>
          ))}
        </select>
        <Problems messages={at(`/account/${role}`)} />
      </label>
    );
  };

  return (
    <section className="card ps-section" aria-labelledby="ps-account">
      <h2 id="ps-account">{t('portalSettings.account.title')}</h2>
      <p className="hint">{t('portalSettings.account.intro')}</p>
      {failed && <div className="banner warn">{t('portalSettings.loadFailed')}</div>}
      {!account ? (
        <div className="toolbar">
          <span className="muted">{t('portalSettings.account.off')}</span>
          <button
            type="button"
            className="btn"
            data-testid="ps-account-enable"
            disabled={!entities}
            onClick={() => {
              const guess = entities && guessAccount(entities);
              if (guess) edit((b) => ({ ...b, account: guess }));
            }}
          >
            {t('portalSettings.account.enable')}
          </button>
          {entities && !guessAccount(entities) && (
            <span className="hint">{t('portalSettings.account.noTypes')}</span>
          )}
        </div>
      ) : (
        <>
          <div className="ps-account-grid">
            <div className="form">
              {typeSelect('requests', ['requestClient', 'requestStatus'])}
              {fieldSelect('requestClient', account.requests)}
              {fieldSelect('requestStatus', account.requests)}
            </div>
            <div className="form">
              {typeSelect('clients', ['clientName', 'clientEmail'])}
              {fieldSelect('clientName', account.clients)}
              {fieldSelect('clientEmail', account.clients)}
            </div>
          </div>
          <div className="actions left">
            <button
              type="button"
              className="btn"
              onClick={() => edit((b) => optional(b, 'account', undefined))}
            >
              {t('portalSettings.account.disable')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
