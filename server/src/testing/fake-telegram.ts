import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTelegramCall {
  method: string;
  chatId: string | undefined;
  /** The JSON payload (sendMessage) or, for file uploads, the multipart body as text. */
  payload: Record<string, unknown> | string;
  at: number;
}

/**
 * A Bot API server on 127.0.0.1 for tests: records every call, answers like Telegram, serves the files it was told
 * about, and fails the next calls of a method on request (a 429 with `retry_after`, a 403 of a blocked bot).
 */
export class FakeTelegram {
  readonly calls: FakeTelegramCall[] = [];
  readonly files = new Map<string, Uint8Array>();
  private readonly failures: { method: string; status: number; body: object }[] = [];
  private server?: Server;
  private nextMessageId = 1;
  /** Updates waiting for a bot that long-polls (`getUpdates`), in update_id order. */
  private readonly updates: { update_id: number }[] = [];
  private readonly pollers = new Set<() => void>();

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.answer(request)
        .then(({ status, body }) => {
          response.writeHead(status, {
            'content-type': body instanceof Uint8Array ? 'application/octet-stream' : 'application/json',
          });
          response.end(body instanceof Uint8Array ? body : JSON.stringify(body));
        })
        .catch((error: unknown) => {
          response.writeHead(500);
          response.end(String(error));
        });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  /** Gives the bot an update as Telegram would: the next `getUpdates` (waiting or not) returns it. */
  queueUpdate(update: { update_id: number } & Record<string, unknown>): void {
    this.updates.push(update);
    for (const wake of this.pollers) wake();
  }

  /** Updates not yet confirmed by an offset past them. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  failNext(method: string, status: number, description: string, parameters?: object): void {
    this.failures.push({
      method,
      status,
      body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
    });
  }

  sent(method = 'sendMessage'): FakeTelegramCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  private async answer(request: IncomingMessage): Promise<{ status: number; body: object | Uint8Array }> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const file = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
    if (file) {
      const bytes = this.files.get(file[1]!);
      return bytes ? { status: 200, body: bytes } : { status: 404, body: { ok: false } };
    }
    const call = /^\/bot[^/]+\/(\w+)$/.exec(url.pathname);
    if (!call) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    const method = call[1]!;
    const raw = await bodyText(request);
    const json = (request.headers['content-type'] ?? '').includes('json');
    const payload = json && raw ? (JSON.parse(raw) as Record<string, unknown>) : raw;
    const chatId =
      typeof payload === 'string'
        ? /name="chat_id"\r\n\r\n([^\r]+)/.exec(payload)?.[1]
        : payload.chat_id === undefined
          ? undefined
          : String(payload.chat_id);
    this.calls.push({ method, chatId, payload, at: Date.now() });
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const { status, body } = this.failures.splice(failure, 1)[0]!;
      return { status, body };
    }
    if (method === 'getUpdates' && typeof payload !== 'string') return this.getUpdates(payload);
    return { status: 200, body: { ok: true, result: this.result(method, chatId, payload) } };
  }

  /** Confirms what is below `offset`, then answers what is waiting, holding the call up to `timeout` seconds. */
  private async getUpdates(payload: Record<string, unknown>) {
    const offset = Number(payload.offset ?? 0);
    while (this.updates.length && this.updates[0]!.update_id < offset) this.updates.shift();
    if (!this.updates.length && Number(payload.timeout) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.pollers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(Number(payload.timeout), 5) * 1000);
        this.pollers.add(wake);
      });
    }
    return { status: 200, body: { ok: true, result: this.updates.slice(0, Number(payload.limit ?? 100)) } };
  }

  private result(method: string, chatId: string | undefined, payload: Record<string, unknown> | string) {
    if (method === 'deleteWebhook' || method === 'setWebhook') return true;
    if (method === 'getFile') {
      const fileId = typeof payload === 'string' ? '' : String(payload.file_id);
      const bytes = this.files.get(fileId);
      return { file_id: fileId, file_path: fileId, file_size: bytes?.byteLength ?? 0 };
    }
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: 'private' },
    };
  }
}

async function bodyText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
