import type { Locale } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { createFormModel, type FormModel } from '../../forms/form-model';
import { clockIn } from '../../forms/server-clock';
import { client } from '../../lib/api';
import { createStore, type Store } from '../../lib/store';
import type { ScreenForm } from '../state/screen-form';
import { type SubmitResult, submit } from '../state/submit';

export type CardTab = 'data' | 'history' | 'related' | 'conversations' | 'approvals';

export interface CardSnapshot {
  record: RecordItem;
  mode: 'view' | 'edit';
  /** The last save met a newer version: someone changed the record meanwhile. */
  conflict: boolean;
  tab: CardTab;
}

/** A record's card: what it shows, view or edit mode, and the save that may meet someone else's change. */
export interface CardController {
  readonly model: FormModel;
  readonly store: Store<CardSnapshot>;
  edit(): void;
  cancel(): void;
  save(locale: Locale, failedMessage: string): Promise<SubmitResult>;
  /** Takes the record as it is on the server now (after a conflict); the form starts over from it. */
  reload(): Promise<void>;
  setTab(tab: CardTab): void;
}

/** The form model a card shows a record through (the full card edits it; the one beside a dialog only reads). */
export const cardModel = (screen: ScreenForm, record: RecordItem, timeZone: string): FormModel =>
  createFormModel(screen.compiled, record.data, clockIn(timeZone), record.data);

export function createCard(screen: ScreenForm, record: RecordItem, timeZone: string): CardController {
  const model = cardModel(screen, record, timeZone);
  const store = createStore<CardSnapshot>({ record, mode: 'view', conflict: false, tab: 'data' });
  const show = (next: RecordItem, mode: CardSnapshot['mode']) => {
    model.reset(next.data, next.data);
    store.set((s) => ({ ...s, record: next, mode, conflict: false }));
  };
  return {
    model,
    store,
    edit() {
      show(store.get().record, 'edit');
      store.set((s) => ({ ...s, tab: 'data' }));
    },
    cancel() {
      show(store.get().record, 'view');
    },
    async save(locale, failedMessage) {
      const result = await submit(model, screen, locale, failedMessage, store.get().record);
      if (result.kind === 'saved') show(result.outcome.record, 'view');
      if (result.kind === 'conflict') store.set((s) => ({ ...s, conflict: true }));
      // Problems are shown on the form: bring it back if another tab is open (the edits live in the model).
      if (result.kind === 'invalid') store.set((s) => ({ ...s, tab: 'data' }));
      return result;
    },
    async reload() {
      const { record: current, mode } = store.get();
      show(await client.getRecord(current.entity, current.id), mode);
    },
    setTab(tab) {
      store.set((s) => ({ ...s, tab }));
    },
  };
}
