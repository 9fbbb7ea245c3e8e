/** One parsed IMAP value: an atom or string (quoted or literal), or a parenthesized list. */
export type ImapToken = string | ImapToken[];

/**
 * Splits what a client sent into commands, for the fake IMAP server: lines end in CRLF, and a line ending in a
 * literal marker `{n}` (`{n+}` without waiting) continues after n raw bytes. `onContinue` is called when a
 * synchronising literal needs the server's `+` before the client sends it.
 */
export class ImapCommandReader {
  private buffer = Buffer.alloc(0);
  private pieces: (string | Buffer)[] = [];
  private literalBytes = 0;

  constructor(private readonly onContinue: () => void) {}

  /** Adds received bytes; answers every command completed by them, as its pieces (text and literal bytes). */
  push(chunk: Buffer): (string | Buffer)[][] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const commands: (string | Buffer)[][] = [];
    for (;;) {
      if (this.literalBytes > 0) {
        if (this.buffer.length < this.literalBytes) return commands;
        this.pieces.push(this.buffer.subarray(0, this.literalBytes));
        this.buffer = this.buffer.subarray(this.literalBytes);
        this.literalBytes = 0;
        continue;
      }
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return commands;
      const line = this.buffer.subarray(0, end).toString('utf8');
      this.buffer = this.buffer.subarray(end + 2);
      const literal = /\{(\d+)(\+?)\}$/.exec(line);
      if (literal) {
        this.pieces.push(line.slice(0, literal.index));
        this.literalBytes = Number(literal[1]);
        if (!literal[2]) this.onContinue();
        if (this.literalBytes === 0) this.pieces.push(Buffer.alloc(0));
        continue;
      }
      this.pieces.push(line);
      commands.push(this.pieces);
      this.pieces = [];
    }
  }
}

/** The tokens of one command: atoms (a `[...]` section stays inside its atom), quoted strings, literals, lists. */
export function tokenize(pieces: (string | Buffer)[]): ImapToken[] {
  const root: ImapToken[] = [];
  const stack: ImapToken[][] = [root];
  const top = () => stack[stack.length - 1]!;
  for (const piece of pieces) {
    if (Buffer.isBuffer(piece)) {
      top().push(piece.toString('utf8'));
      continue;
    }
    let i = 0;
    while (i < piece.length) {
      const c = piece[i]!;
      if (c === ' ') i += 1;
      else if (c === '(') {
        const list: ImapToken[] = [];
        top().push(list);
        stack.push(list);
        i += 1;
      } else if (c === ')') {
        if (stack.length > 1) stack.pop();
        i += 1;
      } else if (c === '"') {
        let text = '';
        i += 1;
        while (i < piece.length && piece[i] !== '"') {
          if (piece[i] === '\\') i += 1;
          text += piece[i] ?? '';
          i += 1;
        }
        top().push(text);
        i += 1;
      } else {
        let atom = '';
        let depth = 0;
        while (i < piece.length) {
          const d = piece[i]!;
          if (depth === 0 && (d === ' ' || d === '(' || d === ')')) break;
          if (d === '[') depth += 1;
          if (d === ']') depth -= 1;
          atom += d;
          i += 1;
        }
        top().push(atom);
      }
    }
  }
  return root;
}

/** A UID or sequence set (`1,3:5,7:*`) as a test over numbers; `*` is the highest number there is. */
export function inSet(set: string, highest: number): (n: number) => boolean {
  const ranges = set.split(',').map((part) => {
    const [from, to = from] = part.split(':').map((end) => (end === '*' ? highest : Number(end)));
    return [Math.min(from!, to!), Math.max(from!, to!)] as const;
  });
  return (n) => ranges.some(([from, to]) => n >= from && n <= to);
}

/** A string as IMAP sends it: quoted when it is safe to, a literal otherwise. */
export function imapString(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) && !/["\\]/.test(text)
    ? `"${text}"`
    : `{${Buffer.byteLength(text)}}\r\n${text}`;
}
