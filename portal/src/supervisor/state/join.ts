import { ApiError } from '@opora/sdk';
import i18n from '../../i18n';
import { client } from '../../lib/api';
import { navigate } from '../../lib/router';
import { conversationPath } from '../../work/conversations/paths';
import { loadBoard } from './board-store';
import { notice } from './notice';

/**
 * The supervisor joins a dialog the bot talks with: it becomes theirs — the bot pauses — and opens in the operator
 * window, where they write and can hand it back to the bot («Бот» tab). A refusal (an
 * operator took it first) is said on the board.
 */
export async function joinAndOpen(dialogId: string): Promise<void> {
  try {
    await client.supervisor.join(dialogId);
    navigate(conversationPath(dialogId));
  } catch (err) {
    notice.set({
      tone: 'error',
      text: err instanceof ApiError ? err.message : i18n.t('supervisor.failed'),
    });
    await loadBoard();
  }
}
