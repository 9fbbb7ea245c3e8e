import { ApiError } from '@opora/sdk';
import i18n from '../../i18n';
import { client } from '../../lib/api';
import { loadBoard } from './board-store';
import { notice } from './notice';

/**
 * Gives a dialog to an operator (dropped on their card or picked in «Назначить…»). The server refuses an offline
 * operator or one of another line and says why; past capacity is allowed and said.
 */
export async function assignTo(dialogId: string, operator: { id: string; name: string }): Promise<void> {
  const t = i18n.t.bind(i18n);
  try {
    const result = await client.supervisor.assign(dialogId, operator.id);
    notice.set(
      result.overCapacity
        ? {
            tone: 'warning',
            text: t('supervisor.overCapacity', {
              name: operator.name,
              load: result.load,
              capacity: result.capacity,
            }),
          }
        : { tone: 'success', text: t('supervisor.assigned', { name: operator.name }) },
    );
  } catch (err) {
    notice.set({
      tone: 'error',
      text: err instanceof ApiError ? err.message : t('supervisor.failed'),
    });
  }
  await loadBoard();
}
