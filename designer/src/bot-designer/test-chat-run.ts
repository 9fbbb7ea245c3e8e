import {
  type BotEffect,
  type BotEvent,
  type BotSession,
  type PreparedBot,
  prepareBot,
  startBot,
  stepBot,
} from '@opora/runtime/bots';
import type { BotBody } from '@opora/runtime/definitions';

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export type ChatEntry =
  | { kind: 'bot'; text: string; buttons: { label: string; value: string }[] }
  | { kind: 'client'; text: string }
  | { kind: 'note'; text: string; tone: 'stub' | 'handOver' | 'end' | 'error' | 'refused' };

export interface PendingTimer {
  key: string;
  at: number;
  event: BotEvent;
}

export interface ChatState {
  session: BotSession;
  entries: ChatEntry[];
  timers: PendingTimer[];
}

/** What the test chat says in its own voice (notes beside the bot's messages), in the designer's language. */
export interface ChatTexts {
  notRun: (what: string) => string;
  handedOver: (line: string) => string;
  jumped: (bot: string) => string;
  ended: () => string;
  failed: (block: string, message: string) => string;
  refused: (why: string) => string;
}

/** Services the browser can reach for real; anything else is answered by a stub that fails. */
export interface ChatServices {
  searchKnowledgeBase?: (query: string, limit: number) => Promise<Value>;
}

/** The error a stubbed effect answers with: the block takes its error path, visibly. */
export const stubError = 'not run in the test chat';
/** Entries kept: a long test session does not grow the page without end. */
const maxEntries = 500;
/** Results answered at once in a row (a stub's error path leading to another stub …) before stopping. */
const maxChained = 50;

/**
 * A conversation with the draft bot in the browser, on the same engine the server runs: every event goes
 * through `stepBot` with the real clock, and its effects become the chat's entries. Effects that need the
 * server are stubbed (failing, so the error path shows) except those `services` can answer; timers wait for a
 * «skip» (or their time, which the component keeps).
 */
export class TestChatRun {
  private bot: PreparedBot;
  private state: ChatState;
  private readonly listeners = new Set<() => void>();
  private live = true;

  constructor(
    body: BotBody,
    locale: 'ru' | 'en',
    private readonly texts: ChatTexts,
    private readonly services: ChatServices = {},
    private readonly clock: { now(): number } = Date,
  ) {
    this.bot = prepareBot(body, { key: 'draft', version: 0 });
    this.state = { session: startBot(this.bot, { locale }), entries: [], timers: [] };
  }

  get = (): ChatState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The dialog opens, as a client's first visit does (a bot without a newDialog trigger waits for a message). */
  open(): void {
    this.dispatch({ type: 'dialogOpened' }, false);
  }

  say(text: string, buttonId?: string, label?: string): void {
    const shown = label ?? text;
    this.update({ entries: [...this.state.entries, { kind: 'client', text: shown }] });
    this.dispatch(buttonId === undefined ? { type: 'message', text } : { type: 'message', text, buttonId });
  }

  /** Fires the earliest pending timer now: «Пропустить ожидание». */
  skipWait(): void {
    const first = [...this.state.timers].sort((a, b) => a.at - b.at)[0];
    if (!first) return;
    this.update({ timers: this.state.timers.filter((t) => t !== first) });
    this.dispatch(first.event, false);
  }

  /** The operator hands the dialog back to the bot. */
  operatorReturns(): void {
    const block = this.state.session.block;
    if (block) this.dispatch({ type: 'operatorReturned', blockId: block }, false);
  }

  /** Stops answering (the chat was closed or restarted): results still on their way are dropped. */
  stop(): void {
    this.live = false;
    this.listeners.clear();
  }

  private dispatch(event: BotEvent, showRefusal = true, chained = 0): void {
    if (!this.live) return;
    const step = stepBot(this.bot, this.state.session, event, this.clock);
    if (step.refused) {
      if (showRefusal) this.note(this.texts.refused(step.refused), 'refused');
      return;
    }
    this.update({ session: step.state });
    const answers: BotEvent[] = [];
    for (const effect of step.effects) {
      const answer = this.apply(effect);
      if (answer) answers.push(answer);
    }
    if (chained < maxChained) for (const answer of answers) this.dispatch(answer, false, chained + 1);
  }

  /** Shows one effect; answers at once (with a failing stub) what needs the server, or asks a service. */
  private apply(effect: BotEffect): BotEvent | null {
    switch (effect.type) {
      case 'send':
        this.push({ kind: 'bot', text: effect.text, buttons: effect.buttons ?? [] });
        return null;
      case 'scheduleTimer':
        this.update({
          timers: [
            ...this.state.timers.filter((t) => t.key !== effect.key),
            { key: effect.key, at: effect.at, event: effect.event },
          ],
        });
        return null;
      case 'cancelTimer':
        this.update({ timers: this.state.timers.filter((t) => t.key !== effect.key) });
        return null;
      case 'searchKnowledgeBase':
        if (this.services.searchKnowledgeBase) {
          const requestId = effect.requestId;
          this.services
            .searchKnowledgeBase(effect.query, effect.limit)
            .then((value) => this.dispatch({ type: 'result', requestId, ok: true, value }, false))
            .catch((e: unknown) =>
              this.dispatch({ type: 'result', requestId, ok: false, error: String(e) }, false),
            );
          return null;
        }
        return this.stub(effect.requestId, effect.type);
      case 'runScript':
      case 'callIntegration':
      case 'createRecord':
      case 'updateRecord':
      case 'startProcess':
        return this.stub(effect.requestId, stubName(effect));
      case 'handOver': {
        const summary = effect.summary.map((s) => `${s.label}: ${s.value}`).join('\n');
        this.note(`${this.texts.handedOver(effect.line)}${summary ? `\n${summary}` : ''}`, 'handOver');
        return null;
      }
      case 'jumpToBot':
        this.note(this.texts.jumped(effect.bot), 'end');
        return null;
      case 'ended':
        if (effect.reason === 'error')
          this.note(this.texts.failed(effect.blockId, effect.message ?? ''), 'error');
        else if (effect.reason === 'end') this.note(this.texts.ended(), 'end');
        return null;
    }
  }

  private stub(requestId: string, what: string): BotEvent {
    this.note(this.texts.notRun(what), 'stub');
    return { type: 'result', requestId, ok: false, error: stubError };
  }

  private note(text: string, tone: Extract<ChatEntry, { kind: 'note' }>['tone']): void {
    this.push({ kind: 'note', text, tone });
  }

  private push(entry: ChatEntry): void {
    this.update({ entries: [...this.state.entries, entry].slice(-maxEntries) });
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function stubName(effect: BotEffect): string {
  switch (effect.type) {
    case 'runScript':
      return `script ${effect.script}`;
    case 'callIntegration':
      return `${effect.integration}.${effect.operation}`;
    case 'createRecord':
    case 'updateRecord':
      return `${effect.type === 'createRecord' ? 'create' : 'update'} ${effect.entity}`;
    case 'startProcess':
      return `process ${effect.process}`;
    default:
      return effect.type;
  }
}
