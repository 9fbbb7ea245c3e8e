import type { MessageView } from '@opora/sdk';

export interface Session {
  token: string;
  visitorId: string;
  expiresAt: number;
  recognised: boolean;
  channel: { key: string; title: { ru: string; en?: string }; greeting: { ru: string; en?: string } | null };
}

/** A refusal the server answered (4xx/5xx) as opposed to no answer at all (network down: `NetworkError`). */
export class ServerRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
export class NetworkError extends Error {}

/**
 * The widget's calls to its server (`/api/v1/widget/:channelKey/…`), the visitor token in the Authorization header:
 * no cookies cross-site, so nothing for CSRF to ride on. The portal's own page also sends its cookie to `session`,
 * which is how a signed-in client is recognised.
 */
export class WidgetApi {
  token: string | null = null;
  private readonly base: string;

  constructor(
    readonly server: string,
    readonly channelKey: string,
  ) {
    this.base = `${server}/api/v1/widget/${encodeURIComponent(channelKey)}`;
  }

  async session(held: string | null): Promise<Session> {
    const session = await this.call<Session>('/session', {
      method: 'POST',
      body: JSON.stringify(held ? { token: held } : {}),
      credentials: sameOrigin(this.server) ? 'same-origin' : 'omit',
    });
    this.token = session.token;
    return session;
  }

  history(after?: number) {
    const query = after === undefined ? '' : `?after=${after}&limit=200`;
    return this.call<{ messages: MessageView[]; hasMore: boolean }>(`/messages${query}`);
  }

  send(clientMessageId: string, text: string, pressed?: { messageId: string; value: string }) {
    return this.call<{ message: MessageView; duplicate: boolean }>('/messages', {
      method: 'POST',
      body: JSON.stringify({ clientMessageId, text, ...(pressed ? { pressed } : {}) }),
    });
  }

  upload(clientMessageId: string, file: File) {
    const form = new FormData();
    form.append('clientMessageId', clientMessageId);
    form.append('file', file, file.name || 'file');
    return this.call<{ message: MessageView; duplicate: boolean }>('/uploads', {
      method: 'POST',
      body: form,
    });
  }

  /** A comment on the rating the visitor just gave (the latest of their closed dialogs). */
  csatComment(comment: string) {
    return this.call<unknown>('/csat/comment', { method: 'POST', body: JSON.stringify({ comment }) });
  }

  report(seq: number, state: 'delivered' | 'read') {
    return this.call<{ updated: number }>('/read', { method: 'POST', body: JSON.stringify({ seq, state }) });
  }

  typing() {
    return this.call<null>('/typing', { method: 'POST' });
  }

  async file(fileId: string): Promise<Blob> {
    const response = await this.fetch(`/files/${fileId}`, {});
    return response.blob();
  }

  liveUrl(): string {
    const url = new URL(`${this.base}/live`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', this.token ?? '');
    return url.toString();
  }

  private async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetch(path, init);
    return (response.status === 204 ? null : await response.json()) as T;
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (typeof init.body === 'string') headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, { credentials: 'omit', ...init, headers });
    } catch {
      throw new NetworkError('network');
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new ServerRefusal(response.status, body?.error?.message ?? String(response.status));
    }
    return response;
  }
}

const sameOrigin = (server: string) => server === location.origin;
