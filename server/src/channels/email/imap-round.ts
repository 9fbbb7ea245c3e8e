import { ImapFlow } from 'imapflow';
import { mailLimits } from './email-settings.js';
import type { ImapSettings, MailboxCursor } from './imap-settings.js';

export interface ImapRoundPorts {
  /** Where the last round stopped; null before the first one. */
  cursor(): Promise<MailboxCursor | null>;
  saveCursor(cursor: MailboxCursor): Promise<void>;
  /**
   * Takes one message: `true` when it is stored (or knowingly passed over), a reason when it is refused. A
   * rejection ends the round before the message counts as taken: it is fetched again next round.
   */
  take(raw: Buffer): Promise<true | string>;
  /** A message passed over for good (too large, unreadable): the caller logs why. */
  skipped(uid: number, reason: string): void;
}

// UIDs asked about per FETCH of sizes, so one command line stays short however many messages wait.
const sizesPerFetch = 100;

/**
 * One poll of one mailbox: log in, open the folder, take every message after the cursor in UID order, log out.
 * Each message's size is asked first, so one over the inbound limit is never downloaded; a message taken is
 * flagged \Seen. The first round, and any round after the server renumbered the folder (UIDVALIDITY changed),
 * takes the unseen messages only: mail read before Opora polled the mailbox is not imported. `signal` aborts the
 * round by closing the connection.
 */
export async function pollMailbox(
  settings: ImapSettings,
  ports: ImapRoundPorts,
  signal: AbortSignal,
): Promise<void> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    disableCompression: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    // A server announcing more than the inbound limit in one literal is refused before it is buffered.
    maxLiteralSize: mailLimits.messageBytes + 64 * 1024,
    maxResponseSize: mailLimits.messageBytes + 1024 * 1024,
  });
  // The failing command's promise carries the error; without a listener an 'error' event would end the process.
  client.on('error', () => undefined);
  const abort = () => client.close();
  signal.addEventListener('abort', abort, { once: true });
  try {
    if (signal.aborted) throw new Error('polling stopped');
    await client.connect();
    await takeNewMail(client, settings.mailbox, ports, signal);
    await client.logout();
  } finally {
    signal.removeEventListener('abort', abort);
    client.close();
  }
}

async function takeNewMail(
  client: ImapFlow,
  mailbox: string,
  ports: ImapRoundPorts,
  signal: AbortSignal,
): Promise<void> {
  const box = await client.mailboxOpen(mailbox);
  const uidValidity = String(box.uidValidity);
  const saved = await ports.cursor();
  const fresh = saved?.uidValidity !== uidValidity;
  const after = fresh ? 0 : saved.lastUid;
  const found = fresh
    ? await client.search({ seen: false }, { uid: true })
    : await client.search({ uid: `${after + 1}:*` }, { uid: true });
  // `n:*` always matches the last message, even below n: only UIDs after the cursor are new.
  const uids = [...new Set(found || [])].filter((uid) => uid > after).sort((a, b) => a - b);
  for (let start = 0; start < uids.length; start += sizesPerFetch) {
    const batch = uids.slice(start, start + sizesPerFetch);
    const sizes = new Map<number, number | undefined>();
    for (const message of await client.fetchAll(batch.join(','), { uid: true, size: true }, { uid: true }))
      sizes.set(message.uid, message.size);
    for (const uid of batch) {
      if (signal.aborted) return;
      await takeOne(client, uid, sizes, ports);
      // A renumbered folder's first round saves once at its end: until then, unseen is where it starts over.
      if (!fresh) await ports.saveCursor({ uidValidity, lastUid: uid });
    }
  }
  if (fresh) {
    const top = box.uidNext ? box.uidNext - 1 : await highestUid(client);
    await ports.saveCursor({ uidValidity, lastUid: Math.max(top, uids.at(-1) ?? 0) });
  }
}

/** For a server that does not say UIDNEXT: the highest UID in the folder (0 when it is empty). */
async function highestUid(client: ImapFlow): Promise<number> {
  const all = await client.search({ all: true }, { uid: true });
  return (all || []).reduce((highest, uid) => Math.max(highest, uid), 0);
}

async function takeOne(
  client: ImapFlow,
  uid: number,
  sizes: Map<number, number | undefined>,
  ports: ImapRoundPorts,
): Promise<void> {
  // Gone since the search (moved or deleted by someone else): nothing to take.
  if (!sizes.has(uid)) return;
  const size = sizes.get(uid) ?? 0;
  if (size > mailLimits.messageBytes) {
    ports.skipped(uid, `message too large (${size} bytes, at most ${mailLimits.messageBytes})`);
    return;
  }
  // At most one byte over the limit, whatever size was announced: a message that is larger is refused when read.
  const source = { start: 0, maxLength: mailLimits.messageBytes + 1 };
  const message = await client.fetchOne(String(uid), { uid: true, source }, { uid: true });
  const raw = message ? message.source : undefined;
  if (!raw) return;
  const taken = await ports.take(raw);
  if (taken !== true) {
    // Left unseen: whoever reads the mailbox sees what Opora could not take.
    ports.skipped(uid, taken);
    return;
  }
  await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
}
