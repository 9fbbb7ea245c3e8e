import type { BotBody } from '@opora/runtime/definitions';
import { EditHistory, type EditHistoryState, useEditHistory } from '../state/edit-history';
import { nodeExists } from './bot-ops';

export type BotStore = EditHistory<BotBody>;
export type BotDesignerState = EditHistoryState<BotBody>;

const keepSelection = (body: BotBody, id: string | null): string | null =>
  id && nodeExists(body, id) ? id : null;

/**
 * The bot designer's state outside React: the body (the source of truth) with its undo history as operations,
 * and the selected node — a block id, or `trigger:<id>` for a trigger. Undo, redo and a reload keep the
 * selection while what it names exists.
 */
export const createBotStore = (body: BotBody, onBody: (body: BotBody) => void): BotStore =>
  new EditHistory(body, onBody, {
    onTravel: (next, current, recorded) => keepSelection(next, recorded) ?? keepSelection(next, current),
    onReset: keepSelection,
  });

export const useBotStore = (store: BotStore): BotDesignerState => useEditHistory(store);
