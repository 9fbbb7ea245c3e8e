import { TelegramPolling } from '../../channels/telegram/telegram-polling.js';
import type { TelegramSettings } from '../../channels/telegram/telegram-settings.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { ConversationStore } from './conversation-store.js';
import { publishedChannels } from './published-channel-list.js';
import { takeTelegramUpdate } from './telegram-inbound.js';

export interface TelegramPollersDeps {
  db: Database;
  conversations: ConversationStore;
  channels: ChannelRegistry;
  log: { warn(details: object, message: string): void };
  /** How often the published channels are looked at again (a channel switched to polling starts within this). */
  refreshMs?: number;
  longPollSeconds?: number;
  backoffMs?: number;
}

/**
 * One long-polling loop per published Telegram channel in `polling` mode, in the process that runs background
 * work. The published channels are looked at again every `refreshMs`: a new polling channel starts its loop, one
 * archived or switched to a webhook stops. `close()` stops every loop (on server close).
 */
export class TelegramPollers {
  private readonly loops = new Map<string, TelegramPolling>();
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private closed = false;

  constructor(private readonly deps: TelegramPollersDeps) {}

  /** The keys of the channels being polled now. */
  get polling(): string[] {
    return [...this.loops.keys()];
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.deps.log.warn({ err: error }, 'Telegram pollers refresh'),
      );
    }, this.deps.refreshMs ?? 30_000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.refreshing?.catch(() => undefined);
    await Promise.all([...this.loops.values()].map((loop) => loop.stop()));
    this.loops.clear();
  }

  /** Starts and stops loops to match the published channels (one refresh at a time). */
  refresh(): Promise<void> {
    this.refreshing ??= this.reconcile().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async reconcile(): Promise<void> {
    const wanted = new Set(
      (await publishedChannels(this.deps.db, 'telegram'))
        .filter(({ body }) => body.settings.type === 'telegram' && body.settings.mode === 'polling')
        .map(({ key }) => key),
    );
    if (this.closed) return;
    for (const [key, loop] of this.loops)
      if (!wanted.has(key)) {
        this.loops.delete(key);
        await loop.stop();
      }
    for (const key of wanted) if (!this.loops.has(key)) this.loops.set(key, this.loop(key));
  }

  private loop(key: string): TelegramPolling {
    const { channels, conversations, log } = this.deps;
    const resolve = async () => {
      const channel = await channels.resolve(key);
      if (channel?.type !== 'telegram') throw new Error(`channel ${key} is no longer a Telegram channel`);
      return channel;
    };
    return new TelegramPolling({
      settings: async () => (await resolve()).settings as TelegramSettings,
      take: async (update) => {
        try {
          await takeTelegramUpdate(conversations, await resolve(), key, update);
        } catch (error) {
          // An update nobody can read would otherwise be fetched again forever: logged and passed over.
          if (!(error instanceof AppError && error.status === 400)) throw error;
          log.warn({ channel: key, err: error }, 'Telegram update refused');
        }
      },
      onError: (error) => log.warn({ channel: key, err: error }, 'Telegram polling failed; backing off'),
      longPollSeconds: this.deps.longPollSeconds,
      backoffMs: this.deps.backoffMs,
    });
  }
}
