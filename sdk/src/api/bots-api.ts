import type { OporaClient } from './client.js';

/** A dialog's bot session as the operator window shows it (`GET /conversations/:id/bot`). */
export interface BotSessionView {
  id: string;
  /** The bot and the published version the session is pinned to. */
  bot: { key: string; version: number };
  /** `active` while the session may be stepped; `ended` once it jumped to another bot or the dialog closed. */
  status: 'active' | 'ended';
  /** The engine's status: idle, waiting, handedOver (waits for an operator to hand back), ended. */
  state: 'idle' | 'waiting' | 'handedOver' | 'ended';
  /** The block the session is at (the one it waits at, or the last one run). */
  block: string | null;
  waiting: { kind: string; blockId: string; attempt: number } | null;
  /** What the bot collected. */
  variables: Record<string, unknown>;
  /** True while an operator or a queue has the dialog: the bot answers nothing. */
  paused: boolean;
  error?: { blockId: string; message: string };
  updatedAt: string;
}

/** How live sessions went through one block of a bot (`GET /bots/:key/stats`). */
export interface BotBlockStats {
  /** Sessions that ran the block at least once. */
  reached: number;
  /** Sessions that ended there, or whose client went silent there (not those with operators). */
  left: number;
  /** Sessions handed to operators from the block. */
  handedOver: number;
}

/** A bot's per-block statistics over its published versions, or one of them. */
export interface BotStats {
  sessions: number;
  /** The published versions that have sessions, newest first. */
  versions: number[];
  /** By block id; a block no session reached is absent. */
  blocks: Record<string, BotBlockStats>;
}

const enc = encodeURIComponent;

/** The bot side of a dialog (what the bot collected, handing the dialog back to it) and a bot's statistics. */
export class BotsApi {
  constructor(private readonly client: OporaClient) {}

  /** The dialog's bot session (404 when no bot ever worked in it). */
  session(conversationId: string): Promise<BotSessionView> {
    return this.client.request('GET', `/conversations/${enc(conversationId)}/bot`);
  }
  /**
   * Hands the dialog back to its bot at `blockId` (by default the block it waits at); a 409 `bot_block_refused`
   * says why the bot cannot go on from there.
   */
  resume(conversationId: string, blockId?: string): Promise<BotSessionView> {
    return this.client.request('POST', `/conversations/${enc(conversationId)}/bot/resume`, {
      body: blockId ? { blockId } : {},
    });
  }
  /** Per-block statistics of the bot's live sessions, over every published version or the one given. */
  stats(botKey: string, version?: number): Promise<BotStats> {
    return this.client.request('GET', `/bots/${enc(botKey)}/stats`, {
      query: version === undefined ? {} : { version },
    });
  }
}
