/**
 * What the widget keeps in the visitor's browser per server and channel: the visitor token (history survives a
 * reload), the last answer read (the unread badge), and messages written but not yet acknowledged (re-sent with
 * the same id after a reload or a lost connection, so they are neither lost nor doubled).
 */
export interface PendingText {
  clientMessageId: string;
  text: string;
  pressed?: { messageId: string; value: string };
}

export class Memory {
  private readonly prefix: string;

  constructor(server: string, channelKey: string) {
    this.prefix = `opora-widget:${server}:${channelKey}:`;
  }

  get token(): string | null {
    return this.read('token');
  }
  set token(value: string | null) {
    this.write('token', value);
  }

  get readSeq(): number {
    return Number(this.read('read') ?? 0) || 0;
  }
  set readSeq(value: number) {
    this.write('read', String(value));
  }

  get pending(): PendingText[] {
    try {
      const parsed: unknown = JSON.parse(this.read('pending') ?? '[]');
      return Array.isArray(parsed) ? (parsed as PendingText[]).slice(0, 50) : [];
    } catch {
      return [];
    }
  }
  set pending(value: PendingText[]) {
    this.write('pending', value.length ? JSON.stringify(value.slice(0, 50)) : null);
  }

  private read(name: string): string | null {
    try {
      return localStorage.getItem(this.prefix + name);
    } catch {
      return null; // storage off (private mode, a sandboxed frame): the widget still works for this page
    }
  }

  private write(name: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(this.prefix + name);
      else localStorage.setItem(this.prefix + name, value);
    } catch {
      // storage full or off: nothing to keep
    }
  }
}

/** A random id for a message, made once before its first attempt. */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
