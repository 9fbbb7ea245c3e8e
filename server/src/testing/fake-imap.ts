import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { ImapCommandReader, type ImapToken, imapString, inSet, tokenize } from './imap-wire.js';

export interface FakeImapMessage {
  uid: number;
  raw: Buffer;
  flags: Set<string>;
}

interface Mailbox {
  uidValidity: number;
  uidNext: number;
  messages: FakeImapMessage[];
}

interface Session {
  socket: Socket;
  user?: string;
  selected?: Mailbox;
  readOnly?: boolean;
}

const capabilities = 'IMAP4rev1 ID ENABLE NAMESPACE UIDPLUS';

/**
 * An IMAP server on 127.0.0.1 for tests, over real TCP: one account with folders of messages, and exactly the
 * commands a polling client needs (CAPABILITY, LOGIN, ID, ENABLE, NAMESPACE, LIST, LSUB, SELECT/EXAMINE, SEARCH, FETCH,
 * STORE, each also under UID, NOOP, LOGOUT). Anything else is answered BAD and kept in `unknown`, so a test sees
 * what a client sent that a real server would have to understand.
 */
export class FakeImap {
  /** Every command received, as `user: line` (`-` before login), passwords masked. */
  readonly commands: string[] = [];
  readonly unknown: string[] = [];
  /** UIDs whose whole message was sent to a client. */
  readonly bodiesServed: number[] = [];
  /** Sizes this server announces instead of the true ones, by UID (a broken or hostile server). */
  readonly announcedSizes = new Map<number, number>();
  /** Whether SELECT tells UIDNEXT (optional in IMAP4rev1; some servers leave it out). */
  tellsUidNext = true;
  /** A command this server receives but never answers (a server hanging mid-session); none by default. */
  stallOn?: string;
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly sessions = new Set<Session>();
  private server?: Server;
  private validity = 1000;

  constructor(
    readonly user: string,
    public password: string,
  ) {
    this.mailboxes.set('INBOX', this.emptyMailbox());
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** Connections open now. */
  get connections(): number {
    return this.sessions.size;
  }

  async start(): Promise<void> {
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const session of this.sessions) session.socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  addFolder(name: string): void {
    if (!this.mailboxes.has(name)) this.mailboxes.set(name, this.emptyMailbox());
  }

  /** A new message in the folder, unseen; answers its UID. */
  deliver(raw: string | Buffer, folder = 'INBOX'): number {
    const mailbox = this.folder(folder);
    const uid = mailbox.uidNext++;
    mailbox.messages.push({ uid, raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw), flags: new Set() });
    return uid;
  }

  message(uid: number, folder = 'INBOX'): FakeImapMessage | undefined {
    return this.folder(folder).messages.find((message) => message.uid === uid);
  }

  /** The server renumbers the folder (a new UIDVALIDITY, new UIDs), as after a restore; flags are kept. */
  renumber(folder = 'INBOX'): void {
    const mailbox = this.folder(folder);
    mailbox.uidValidity = ++this.validity;
    mailbox.uidNext = 1;
    for (const message of mailbox.messages) message.uid = mailbox.uidNext++;
  }

  private folder(name: string): Mailbox {
    const mailbox = this.mailboxes.get(name);
    if (!mailbox) throw new Error(`no folder ${name}`);
    return mailbox;
  }

  private emptyMailbox(): Mailbox {
    return { uidValidity: ++this.validity, uidNext: 1, messages: [] };
  }

  private serve(socket: Socket): void {
    const session: Session = { socket };
    this.sessions.add(session);
    const send = (text: string | Buffer) => {
      if (!socket.destroyed) socket.write(text);
    };
    const reader = new ImapCommandReader(() => send('+ Ready for literal data\r\n'));
    socket.on('data', (chunk: Buffer) => {
      for (const pieces of reader.push(chunk)) this.command(session, pieces, send);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.sessions.delete(session));
    send(`* OK [CAPABILITY ${capabilities}] Fake IMAP ready\r\n`);
  }

  private command(
    session: Session,
    pieces: (string | Buffer)[],
    send: (text: string | Buffer) => void,
  ): void {
    const tokens = tokenize(pieces);
    const tag = String(tokens[0] ?? '*');
    let name = String(tokens[1] ?? '').toUpperCase();
    let args = tokens.slice(2);
    const line = pieces.map((piece) => (Buffer.isBuffer(piece) ? `{${piece.length}}` : piece)).join('');
    this.commands.push(`${session.user ?? '-'}: ${name === 'LOGIN' ? `${tag} LOGIN ***` : line}`);
    if (name === this.stallOn) return;
    let byUid = false;
    if (name === 'UID') {
      byUid = true;
      name = `${String(args[0] ?? '').toUpperCase()}`;
      args = args.slice(1);
    }
    const ok = (text = `${name} completed`) => send(`${tag} OK ${text}\r\n`);
    const bad = (text: string) => send(`${tag} BAD ${text}\r\n`);
    const authed = () => {
      if (!session.user) bad('Log in first');
      return Boolean(session.user);
    };
    const selected = () => {
      if (!authed()) return undefined;
      if (!session.selected) bad('Select a folder first');
      return session.selected;
    };
    switch (`${byUid ? 'UID ' : ''}${name}`) {
      case 'CAPABILITY':
        send(`* CAPABILITY ${capabilities}\r\n`);
        ok();
        return;
      case 'NOOP':
        ok();
        return;
      case 'LOGOUT':
        send('* BYE Logging out\r\n');
        ok();
        session.socket.end();
        return;
      case 'LOGIN':
        if (args[0] === this.user && args[1] === this.password) {
          session.user = this.user;
          ok(`[CAPABILITY ${capabilities}] Logged in`);
          return;
        }
        send(`${tag} NO [AUTHENTICATIONFAILED] Invalid credentials\r\n`);
        return;
      case 'ID':
        send('* ID ("name" "fake-imap")\r\n');
        ok();
        return;
      case 'ENABLE':
        if (!authed()) return;
        send('* ENABLED\r\n');
        ok();
        return;
      case 'NAMESPACE':
        if (!authed()) return;
        send('* NAMESPACE (("" "/")) NIL NIL\r\n');
        ok();
        return;
      case 'LIST':
      case 'LSUB':
        if (!authed()) return;
        for (const folder of this.mailboxes.keys())
          send(`* ${name} (\\HasNoChildren) "/" ${imapString(folder)}\r\n`);
        ok();
        return;
      case 'SELECT':
      case 'EXAMINE':
        this.select(session, name, String(args[0] ?? ''), tag, send);
        return;
      case 'SEARCH':
      case 'UID SEARCH': {
        const mailbox = selected();
        if (!mailbox) return;
        const found = this.search(mailbox, args);
        if (!found) {
          bad('Unsupported search');
          return;
        }
        send(
          `* SEARCH${found.map((m) => ` ${byUid ? m.uid : mailbox.messages.indexOf(m) + 1}`).join('')}\r\n`,
        );
        ok();
        return;
      }
      case 'FETCH':
      case 'UID FETCH': {
        const mailbox = selected();
        if (!mailbox) return;
        const items = Array.isArray(args[1]) ? args[1] : [args[1] ?? ''];
        const answers = this.matching(mailbox, String(args[0] ?? ''), byUid).map((message) =>
          this.fetched(session, mailbox, message, items.map(String), byUid),
        );
        if (answers.includes(null)) {
          bad('Unsupported fetch item');
          return;
        }
        for (const answer of answers) send(answer!);
        ok();
        return;
      }
      case 'STORE':
      case 'UID STORE': {
        const mailbox = selected();
        if (!mailbox) return;
        const [set, action, flags] = args;
        const mode = String(action ?? '').toUpperCase();
        if (session.readOnly) {
          send(`${tag} NO Folder is read-only\r\n`);
          return;
        }
        for (const message of this.matching(mailbox, String(set ?? ''), byUid)) {
          const list = (Array.isArray(flags) ? flags : [flags ?? '']).map(String);
          if (mode.startsWith('+')) for (const flag of list) message.flags.add(flag);
          else if (mode.startsWith('-')) for (const flag of list) message.flags.delete(flag);
          else message.flags = new Set(list);
          if (!mode.endsWith('.SILENT'))
            send(
              `* ${mailbox.messages.indexOf(message) + 1} FETCH (UID ${message.uid} FLAGS (${[...message.flags].join(' ')}))\r\n`,
            );
        }
        ok();
        return;
      }
      default:
        this.unknown.push(line);
        bad(`Unknown command ${name}`);
        return;
    }
  }

  private select(
    session: Session,
    name: string,
    folder: string,
    tag: string,
    send: (text: string) => void,
  ): void {
    if (!session.user) {
      send(`${tag} BAD Log in first\r\n`);
      return;
    }
    const mailbox = this.mailboxes.get(folder.toUpperCase() === 'INBOX' ? 'INBOX' : folder);
    session.selected = undefined;
    if (!mailbox) {
      send(`${tag} NO [NONEXISTENT] No folder ${folder}\r\n`);
      return;
    }
    session.selected = mailbox;
    session.readOnly = name === 'EXAMINE';
    send('* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n');
    send('* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted\r\n');
    send(`* ${mailbox.messages.length} EXISTS\r\n`);
    send('* 0 RECENT\r\n');
    send(`* OK [UIDVALIDITY ${mailbox.uidValidity}] UIDs valid\r\n`);
    if (this.tellsUidNext) send(`* OK [UIDNEXT ${mailbox.uidNext}] Predicted next UID\r\n`);
    send(`${tag} OK [${session.readOnly ? 'READ-ONLY' : 'READ-WRITE'}] ${name} completed\r\n`);
  }

  /** The messages matching every key (ALL, SEEN, UNSEEN, UID set, sequence set); null for a key not known. */
  private search(mailbox: Mailbox, keys: ImapToken[]): FakeImapMessage[] | null {
    let found = [...mailbox.messages];
    for (let i = 0; i < keys.length; i += 1) {
      const key = String(keys[i]).toUpperCase();
      if (key === 'ALL') continue;
      if (key === 'SEEN') found = found.filter((m) => m.flags.has('\\Seen'));
      else if (key === 'UNSEEN') found = found.filter((m) => !m.flags.has('\\Seen'));
      else if (key === 'UID') {
        const chosen = new Set(this.matching(mailbox, String(keys[i + 1] ?? ''), true));
        found = found.filter((m) => chosen.has(m));
        i += 1;
      } else if (/^[\d*]/.test(key)) {
        const chosen = new Set(this.matching(mailbox, key, false));
        found = found.filter((m) => chosen.has(m));
      } else return null;
    }
    return found;
  }

  private matching(mailbox: Mailbox, set: string, byUid: boolean): FakeImapMessage[] {
    const { messages } = mailbox;
    const highest = byUid ? (messages.at(-1)?.uid ?? 0) : messages.length;
    const test = inSet(set, highest);
    return messages.filter((message, index) => test(byUid ? message.uid : index + 1));
  }

  /** One message's FETCH answer; null when an item is not one this server knows. */
  private fetched(
    session: Session,
    mailbox: Mailbox,
    message: FakeImapMessage,
    items: string[],
    byUid: boolean,
  ): Buffer | null {
    const parts: (string | Buffer)[] = [];
    const wanted = items.map((item) => item.toUpperCase());
    if (byUid && !wanted.includes('UID')) wanted.unshift('UID');
    for (const item of wanted) {
      if (item === 'UID') parts.push(`UID ${message.uid}`);
      else if (item === 'RFC822.SIZE')
        parts.push(`RFC822.SIZE ${this.announcedSizes.get(message.uid) ?? message.raw.length}`);
      else if (/^(BODY(\.PEEK)?\[\](<\d+\.\d+>)?|RFC822)$/.test(item)) {
        if (!item.startsWith('BODY.PEEK') && !session.readOnly) message.flags.add('\\Seen');
        this.bodiesServed.push(message.uid);
        // A partial fetch `<start.length>` answers that slice, named by its start (RFC 3501 6.4.5).
        const [, start, length] = /<(\d+)\.(\d+)>$/.exec(item) ?? [];
        const bytes = start
          ? message.raw.subarray(Number(start), Number(start) + Number(length))
          : message.raw;
        const name = item === 'RFC822' ? 'RFC822' : `BODY[]${start ? `<${start}>` : ''}`;
        parts.push(`${name} {${bytes.length}}\r\n`, bytes);
      } else if (item !== 'FLAGS') return null;
    }
    // Flags last: reading the body without PEEK has just set \Seen.
    if (wanted.includes('FLAGS')) parts.push(`FLAGS (${[...message.flags].join(' ')})`);
    const seq = mailbox.messages.indexOf(message) + 1;
    const body: Buffer[] = [Buffer.from(`* ${seq} FETCH (`)];
    parts.forEach((part, index) => {
      const previous = parts[index - 1];
      if (index > 0 && !(typeof previous === 'string' && previous.endsWith('\r\n')))
        body.push(Buffer.from(' '));
      body.push(Buffer.isBuffer(part) ? part : Buffer.from(part));
    });
    body.push(Buffer.from(')\r\n'));
    return Buffer.concat(body);
  }
}
