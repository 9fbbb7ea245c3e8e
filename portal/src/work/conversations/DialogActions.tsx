import type { ConversationListItem, LineSummary, StaffMember } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../lib/api';
import { useStore } from '../../lib/store';
import { useSession } from '../../state/session';
import { dialogMenuRequest } from './state/dialog-menu-request';
import { loadList } from './state/list-store';
import { refreshOperator } from './state/operator-store';

/**
 * Beside a row of the list: «Взять» on a waiting dialog; on a dialog I lead (or any, for a supervisor) a small
 * menu to return it to the queue or pass it to a colleague or another line with a note.
 */
export function DialogActions({
  item,
  shortcut = false,
}: {
  item: ConversationListItem;
  /** This copy (the open dialog's, not a row's) opens its menu on the transfer shortcut. */
  shortcut?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [menu, setMenu] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The open dialog's copy has its own test ids, so a row's and the dialog's buttons are told apart.
  const prefix = shortcut ? 'thread-' : '';
  // The transfer shortcut of the window (Alt+T) opens the open dialog's menu.
  const asked = useStore(dialogMenuRequest);
  useEffect(() => {
    if (shortcut && asked?.id === item.id) setMenu(true);
  }, [shortcut, asked, item.id]);
  if (item.status !== 'open' || session.status !== 'signed-in') return null;
  const me = session.user;
  const overseer = me.roles.some((role) => role === 'supervisor' || role === 'admin');
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMenu(false);
      await Promise.all([loadList(), refreshOperator()]);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('distribution.failed'));
    } finally {
      setBusy(false);
    }
  };
  const held = item.handler === 'operator' && (item.operatorId === me.id || overseer);
  return (
    <div className="dialog-actions">
      {item.handler === 'queue' && (
        <button
          type="button"
          className="btn small"
          disabled={busy}
          data-testid={`${prefix}take-dialog`}
          onClick={() => void run(() => client.distribution.take(item.id))}
        >
          {t('distribution.take')}
        </button>
      )}
      {(held || item.handler === 'queue') && (
        <button
          type="button"
          className="btn small"
          aria-expanded={menu}
          aria-label={t('distribution.more')}
          data-testid={`${prefix}dialog-menu`}
          onClick={() => setMenu((open) => !open)}
        >
          ⋯
        </button>
      )}
      {menu && (
        <div className="dialog-menu" role="menu">
          {held && (
            <button
              type="button"
              role="menuitem"
              disabled={busy}
              data-testid={`${prefix}return-dialog`}
              onClick={() => void run(() => client.distribution.returnToQueue(item.id))}
            >
              {t('distribution.return')}
            </button>
          )}
          <TransferForm
            prefix={prefix}
            busy={busy}
            onSubmit={(target) => run(() => client.distribution.transfer(item.id, target))}
          />
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid={`${prefix}dialog-action-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function TransferForm({
  busy,
  prefix,
  onSubmit,
}: {
  busy: boolean;
  prefix: string;
  onSubmit: (
    target: { operatorId: string; note: string } | { lineKey: string; note: string },
  ) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [options, setOptions] = useState<{ staff: StaffMember[]; lines: LineSummary[] } | null>(null);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const load = async () => {
    if (options) return;
    const [staff, lines] = await Promise.all([client.distribution.operators(), client.distribution.lines()]);
    setOptions({ staff: staff.items, lines: lines.items });
  };
  const title = (line: LineSummary) => (i18n.language === 'en' && line.title.en) || line.title.ru;
  return (
    <form
      className="transfer-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!to) return;
        const [kind, value] = [to.slice(0, 2), to.slice(2)];
        void onSubmit(kind === 'o:' ? { operatorId: value, note } : { lineKey: value, note });
      }}
    >
      <label>
        {t('distribution.transferTo')}
        <select
          value={to}
          onFocus={() => void load()}
          onChange={(e) => setTo(e.target.value)}
          data-testid={`${prefix}transfer-to`}
        >
          <option value="">—</option>
          {options && (
            <optgroup label={t('distribution.colleagues')}>
              {options.staff.map((m) => (
                <option key={m.id} value={`o:${m.id}`}>
                  {m.name} · {t(`distribution.status.${m.status}`)} · {m.load}
                </option>
              ))}
            </optgroup>
          )}
          {options && (
            <optgroup label={t('distribution.lines')}>
              {options.lines.map((line) => (
                <option key={line.key} value={`l:${line.key}`}>
                  {title(line)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        {t('distribution.note')}
        <input
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          data-testid={`${prefix}transfer-note`}
        />
      </label>
      <button
        type="submit"
        className="btn small"
        disabled={busy || !to}
        data-testid={`${prefix}transfer-submit`}
      >
        {t('distribution.transfer')}
      </button>
    </form>
  );
}
