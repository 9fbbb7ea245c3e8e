import type { ChannelBody } from '@opora/runtime/definitions';
import { imapPollSecondsDefault } from '@opora/runtime/definitions';
import { ImapPolling } from '../../channels/email/imap-polling.js';
import type { Database } from '../../db/database.js';
import type { SessionLock, SessionLocks } from '../../db/session-locks.js';
import { AppError } from '../../http/app-error.js';
import type { SecretService } from '../secrets/secret-service.js';
import type { ConversationStore } from './conversation-store.js';
import { ImapCursors } from './imap-cursors.js';
import { publishedChannels } from './published-channel-list.js';
import { takeMail } from './take-mail.js';

type ImapBody = NonNullable<Extract<ChannelBody['settings'], { type: 'email' }>['imap']>;

export interface ImapPollersDeps {
  db: Database;
  conversations: ConversationStore;
  secrets: SecretService;
  /** Which process polls a mailbox: one at a time across the server processes. */
  locks: SessionLocks;
  log: { warn(details: object, message: string): void };
  /** How often the published channels are looked at again (a channel given a mailbox starts within this). */
  refreshMs?: number;
  /** Overrides the channels' poll interval (tests). */
  pollMs?: number;
  backoffMs?: number;
}

interface Running {
  /** The channel version the loop was started with: a republished channel restarts its loop (a fresh try). */
  version: number;
  polling: ImapPolling;
  /** The mailbox's lock, while this process has it. */
  held: { lock?: SessionLock };
}

/**
 * One polling loop per published e-mail channel that names an IMAP mailbox, in the processes that run background
 * work; only the process holding a mailbox's lock polls it, the others keep asking. The published channels are
 * looked at again every `refreshMs`: a new mailbox starts its loop, one removed or archived stops, one republished
 * restarts. Mail goes the same way as the SMTP listener's (take-mail.ts). `close()` stops every loop and closes
 * their connections (on server close).
 */
export class ImapPollers {
  private readonly loops = new Map<string, Running>();
  private readonly cursors: ImapCursors;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private closed = false;

  constructor(private readonly deps: ImapPollersDeps) {
    this.cursors = new ImapCursors(deps.db);
  }

  /** The keys of the channels with a polling loop here. */
  get polling(): string[] {
    return [...this.loops.keys()];
  }

  /** The keys of the channels whose mailbox this process holds the lock of (and so polls). */
  get holding(): string[] {
    return [...this.loops].filter(([, loop]) => loop.held.lock?.held).map(([key]) => key);
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.deps.log.warn({ err: error }, 'IMAP pollers refresh'));
    }, this.deps.refreshMs ?? 30_000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.refreshing?.catch(() => undefined);
    await Promise.all([...this.loops.values()].map((loop) => this.stop(loop)));
    this.loops.clear();
    await this.deps.locks.close();
  }

  /** Starts, restarts and stops loops to match the published channels (one refresh at a time). */
  refresh(): Promise<void> {
    this.refreshing ??= this.reconcile().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async reconcile(): Promise<void> {
    const wanted = new Map<string, { version: number; imap: ImapBody }>();
    for (const { key, version, body } of await publishedChannels(this.deps.db, 'email'))
      if (body.settings.type === 'email' && body.settings.imap)
        wanted.set(key, { version, imap: body.settings.imap });
    if (this.closed) return;
    for (const [key, loop] of this.loops) {
      if (wanted.get(key)?.version === loop.version) continue;
      this.loops.delete(key);
      await this.stop(loop);
    }
    for (const [key, { version, imap }] of wanted)
      if (!this.loops.has(key)) this.loops.set(key, this.loop(key, version, imap));
  }

  private async stop(loop: Running): Promise<void> {
    await loop.polling.stop();
    await loop.held.lock?.release();
  }

  private loop(channelKey: string, version: number, imap: ImapBody): Running {
    const { conversations, secrets, locks, log } = this.deps;
    const mailbox = imap.mailbox ?? 'INBOX';
    const address = { channelKey, account: `${imap.user}@${imap.host}:${imap.port}`, mailbox };
    const held: { lock?: SessionLock } = {};
    const where = { channel: channelKey, mailbox: `${address.account}/${mailbox}` };
    const polling = new ImapPolling({
      settings: async () => {
        const { passwordSecret, ...server } = imap;
        const password = (await secrets.values([passwordSecret])).get(passwordSecret)!;
        return { ...server, password, mailbox, pollSeconds: imap.pollSeconds ?? imapPollSecondsDefault };
      },
      mayPoll: async () => {
        if (held.lock?.held) return true;
        await held.lock?.release();
        held.lock = (await locks.tryLock(`imap:${JSON.stringify(address)}`)) ?? undefined;
        return Boolean(held.lock);
      },
      ports: {
        cursor: () => this.cursors.read(address),
        saveCursor: (cursor) => this.cursors.save(address, cursor),
        take: async (raw) => {
          try {
            const taken = await takeMail(conversations, raw, [channelKey]);
            return taken.ok || taken.reason;
          } catch (error) {
            // A mail the conversations refuse (not a failure of ours) would otherwise be fetched forever.
            if (error instanceof AppError && error.status < 500) return `${error.code} ${error.message}`;
            throw error;
          }
        },
        skipped: (uid, reason) => log.warn({ ...where, uid, reason }, 'IMAP message skipped'),
      },
      onError: (error) => log.warn({ ...where, err: error }, 'IMAP polling failed; backing off'),
      pollMs: this.deps.pollMs,
      backoffMs: this.deps.backoffMs,
    });
    return { version, polling, held };
  }
}
