import type { LiveMessage, MessageView } from '@opora/sdk';
import { NetworkError, ServerRefusal, type WidgetApi } from './api.js';
import { el } from './dom.js';
import { type Lang, localized, type Texts } from './i18n.js';
import { widgetLimits } from './limits.js';
import { LiveConnection } from './live.js';
import { type Memory, newClientMessageId, type PendingText } from './memory.js';
import { renderMessage, type Shown } from './message-view.js';
import { ratingState, renderRatingComment } from './rating.js';
import type { Shell } from './shell.js';
import { chime } from './sound.js';

interface Pending extends PendingText {
  file?: File;
  failed?: boolean;
  inFlight?: boolean;
}

const typingShownMs = 6_000;
const typingSentEveryMs = 4_000;
const retryMs = 5_000;

/**
 * The widget's behaviour: the visitor's history (read at start, then after the last seq on every reconnection),
 * messages written and re-sent with the same id until the server has them, answers arriving live with a chime
 * and the unread badge, read reports, typing both ways, files by button, drag-and-drop and paste.
 */
export class Chat {
  private readonly messages = new Map<string, MessageView>();
  private pending: Pending[] = [];
  private lastSeq = 0;
  private visitorId = '';
  private greeting = '';
  private opened = false;
  /** The comment box under a rating given in this visit: not shown, open, or sent. */
  private ratingComment: 'none' | 'open' | 'sent' = 'none';
  private commentBox: HTMLElement | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastTypingSent = 0;
  private readonly images = new Map<string, Promise<string>>();
  private readonly live: LiveConnection;

  constructor(
    private readonly api: WidgetApi,
    private readonly memory: Memory,
    private readonly shell: Shell,
    private readonly t: Texts,
    private readonly lang: Lang,
    private readonly page: boolean,
  ) {
    this.live = new LiveConnection(() => api.liveUrl(), {
      onMessage: (message) => this.onLive(message),
      onOpen: () => void this.resync(),
      onClose: () => this.setStatus(this.t.offline),
    });
    this.wire();
  }

  async start(): Promise<void> {
    const session = await this.api.session(this.memory.token);
    this.memory.token = session.token;
    this.visitorId = session.visitorId;
    this.greeting = localized(session.channel.greeting, this.lang);
    this.shell.title.textContent = localized(session.channel.title, this.lang) || this.t.title;
    const { messages } = await this.api.history();
    for (const message of messages) this.add(message);
    this.pending = this.memory.pending;
    this.render();
    if (this.page) this.open();
    this.live.open();
  }

  /**
   * Starts the session again after the portal's user signed in or out: a signed-in client gets their own history
   * (on their client card), a signed-out browser a new anonymous visitor.
   */
  async restart(): Promise<void> {
    const session = await this.api.session(this.memory.token);
    this.memory.token = session.token;
    if (session.visitorId === this.visitorId) return;
    this.visitorId = session.visitorId;
    this.messages.clear();
    this.lastSeq = 0;
    this.memory.readSeq = 0;
    const { messages } = await this.api.history();
    for (const message of messages) this.add(message);
    this.render();
    this.live.reconnectNow();
  }

  private wire(): void {
    const { shell } = this;
    shell.launcher.addEventListener('click', () => (this.opened ? this.close() : this.open()));
    shell.close.addEventListener('click', () => this.close());
    shell.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.page) {
        event.preventDefault();
        this.close();
      }
    });
    shell.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitText();
    });
    shell.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submitText();
      }
    });
    shell.input.addEventListener('input', () => {
      this.autoGrow();
      const now = Date.now();
      if (now - this.lastTypingSent > typingSentEveryMs && shell.input.value.trim()) {
        this.lastTypingSent = now;
        this.api.typing().catch(() => undefined);
      }
    });
    shell.input.addEventListener('paste', (event) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (!files.length) return;
      event.preventDefault();
      for (const file of files) this.submitFile(file);
    });
    shell.attach.addEventListener('click', () => shell.file.click());
    shell.file.addEventListener('change', () => {
      for (const file of [...(shell.file.files ?? [])]) this.submitFile(file);
      shell.file.value = '';
    });
    shell.emojiToggle.addEventListener('click', () => {
      const hidden = !shell.emoji.hidden;
      shell.emoji.hidden = hidden;
      shell.emojiToggle.setAttribute('aria-expanded', String(!hidden));
    });
    shell.emoji.addEventListener('click', (event) => {
      const symbol = (event.target as HTMLElement).closest('button')?.dataset.emoji;
      if (symbol) this.insertText(symbol);
    });
    this.wireDrop();
    document.addEventListener('visibilitychange', () => this.reportRead());
    // The socket may have survived a short outage (then it never closed): what waits is sent now anyway.
    addEventListener('online', () => void this.resync());
  }

  private wireDrop(): void {
    const { panel, drop } = this.shell;
    let depth = 0;
    panel.addEventListener('dragenter', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      depth++;
      drop.hidden = false;
    });
    panel.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) drop.hidden = true;
    });
    panel.addEventListener('dragover', (event) => event.preventDefault());
    panel.addEventListener('drop', (event) => {
      event.preventDefault();
      depth = 0;
      drop.hidden = true;
      for (const file of [...(event.dataTransfer?.files ?? [])]) this.submitFile(file);
    });
  }

  open(): void {
    this.opened = true;
    this.shell.panel.hidden = false;
    this.shell.launcher.setAttribute('aria-expanded', 'true');
    this.shell.launcher.setAttribute('aria-label', this.t.close);
    this.scrollToEnd();
    this.shell.input.focus();
    this.reportRead();
  }

  close(): void {
    this.opened = false;
    this.shell.panel.hidden = true;
    this.shell.launcher.setAttribute('aria-expanded', 'false');
    this.shell.launcher.setAttribute('aria-label', this.t.open);
    this.shell.launcher.focus();
  }

  private submitText(): void {
    const text = this.shell.input.value.trim().slice(0, widgetLimits.text);
    if (!text) return;
    this.shell.input.value = '';
    this.autoGrow();
    this.queue({ clientMessageId: newClientMessageId(), text });
  }

  private submitFile(file: File): void {
    if (file.size > widgetLimits.attachmentBytes) {
      this.setStatus(this.t.tooLarge);
      return;
    }
    this.queue({ clientMessageId: newClientMessageId(), text: '', file });
  }

  /** The rating's comment; a refusal (the dialog reopened meanwhile) just closes the box. */
  private async sendComment(comment: string): Promise<void> {
    try {
      await this.api.csatComment(comment.slice(0, 2000));
      this.ratingComment = 'sent';
    } catch (error) {
      if (error instanceof NetworkError) return this.setStatus(this.t.offline);
      this.ratingComment = 'none';
    }
    this.commentBox = null;
    this.render();
  }

  private press(message: MessageView, value: string): void {
    if (value.startsWith('csat:') && this.ratingComment === 'none') this.ratingComment = 'open';
    const button = message.parts
      .flatMap((part) => (part.type === 'buttons' ? part.buttons : part.options))
      .find((b) => b.value === value);
    if (button)
      this.queue({
        clientMessageId: newClientMessageId(),
        text: button.label,
        pressed: { messageId: message.id, value },
      });
  }

  private queue(item: Pending): void {
    this.pending.push(item);
    this.remember();
    this.render();
    void this.deliver(item);
  }

  /** Sends one waiting message; a lost connection leaves it waiting (same id next time), a refusal marks it. */
  private async deliver(item: Pending): Promise<void> {
    if (item.inFlight) return;
    item.inFlight = true;
    item.failed = false;
    try {
      const { message } = item.file
        ? await this.api.upload(item.clientMessageId, item.file)
        : await this.api.send(item.clientMessageId, item.text, item.pressed);
      this.settle(item.clientMessageId);
      this.add(message);
    } catch (error) {
      if (error instanceof ServerRefusal && error.status === 401) await this.renewSession();
      else if (error instanceof ServerRefusal && error.status !== 429 && error.status < 500) {
        item.failed = true;
        this.setStatus(error.message);
      } else if (error instanceof ServerRefusal) this.setStatus(error.message);
      else if (error instanceof NetworkError) this.retrySoon();
      else throw error;
    } finally {
      item.inFlight = false;
      this.remember();
      this.render();
    }
  }

  private async renewSession(): Promise<void> {
    this.memory.token = null;
    const session = await this.api.session(null).catch(() => null);
    if (session) this.memory.token = session.token;
  }

  /** After a lost request: try what waits again in a few seconds, also when no socket event says so. */
  private retrySoon(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.resync();
    }, retryMs);
  }

  private retry(clientMessageId: string): void {
    const item = this.pending.find((p) => p.clientMessageId === clientMessageId);
    if (item) void this.deliver(item);
  }

  /** After a (re)connection: what was missed since the last seq, then everything still waiting, in order. */
  private async resync(): Promise<void> {
    this.setStatus('');
    try {
      for (let more = true; more; ) {
        const page = await this.api.history(this.lastSeq);
        for (const message of page.messages) this.add(message, true);
        more = page.hasMore && page.messages.length > 0;
      }
      for (const item of [...this.pending]) if (!item.failed) await this.deliver(item);
    } catch {
      // the connection dropped again: the next open resyncs
    }
    this.render();
  }

  private onLive(push: LiveMessage): void {
    if (push.type === 'typing') {
      if (push.authorKind === 'client') return;
      this.shell.typing.textContent = this.t.typing;
      if (this.typingTimer) clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => (this.shell.typing.textContent = ''), typingShownMs);
      return;
    }
    if (push.type !== 'message') return;
    if (push.partial) {
      void this.resync();
      return;
    }
    this.add(push.message, true);
    this.render();
  }

  /** Keeps a stored message (a newer copy replaces an older: delivery moved on); `live`: it may be a new answer. */
  private add(message: MessageView, live = false): void {
    if (message.internal) return;
    const known = this.messages.has(message.id);
    this.messages.set(message.id, message);
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    if (message.direction === 'in' && message.externalId?.startsWith(`${this.visitorId}/`))
      this.settle(message.externalId.slice(this.visitorId.length + 1));
    if (live && !known && message.direction === 'out') {
      this.shell.typing.textContent = '';
      chime();
      if (this.visible()) this.reportRead();
      else this.api.report(message.seq, 'delivered').catch(() => undefined);
    }
  }

  private settle(clientMessageId: string): void {
    this.pending = this.pending.filter((p) => p.clientMessageId !== clientMessageId);
    this.remember();
  }

  private visible(): boolean {
    return this.opened && document.visibilityState === 'visible';
  }

  /** Marks answers read when the visitor sees them: the operator's screen shows it, the badge clears. */
  private reportRead(): void {
    if (!this.visible()) return;
    const latest = this.latestAnswerSeq();
    if (latest > this.memory.readSeq) {
      this.memory.readSeq = latest;
      this.api.report(latest, 'read').catch(() => undefined);
    }
    this.renderBadge();
  }

  private latestAnswerSeq(): number {
    let latest = 0;
    for (const m of this.messages.values()) if (m.direction === 'out') latest = Math.max(latest, m.seq);
    return latest;
  }

  private remember(): void {
    // Files cannot be kept across a reload; texts and pressed buttons can.
    this.memory.pending = this.pending
      .filter((p) => !p.file && !p.failed)
      .map(({ clientMessageId, text, pressed }) => ({
        clientMessageId,
        text,
        ...(pressed ? { pressed } : {}),
      }));
  }

  private render(): void {
    const { log } = this.shell;
    const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
    const stored = [...this.messages.values()].sort((a, b) => a.seq - b.seq);
    const shown: Shown[] = [
      ...stored.map((message) => ({ kind: 'stored' as const, message })),
      ...this.pending.map((p) => ({
        kind: 'pending' as const,
        clientMessageId: p.clientMessageId,
        text: p.text,
        ...(p.file ? { file: p.file } : {}),
        ...(p.failed ? { failed: true } : {}),
      })),
    ];
    const actions = {
      imageUrl: (fileId: string) => this.imageUrl(fileId),
      download: (fileId: string, name: string) => void this.download(fileId, name),
      press: (message: MessageView, value: string) => this.press(message, value),
      retry: (id: string) => this.retry(id),
    };
    const nodes: HTMLElement[] = [];
    if (this.greeting) nodes.push(el('div', { class: 'msg out greeting' }, this.greeting));
    if (!shown.length && !this.greeting) nodes.push(el('p', { class: 'empty' }, this.t.empty));
    const last = stored.at(-1);
    const rating = ratingState(stored);
    for (const item of shown) {
      const question = item.kind === 'stored' && item.message.id === rating?.questionId;
      const live = item.kind === 'stored' && (item.message === last || question);
      nodes.push(renderMessage(item, this.t, actions, live, this.lang, question ? rating?.chosen : null));
    }
    if (rating && this.ratingComment !== 'none') {
      // One element kept across renders: a message arriving while the visitor types must not wipe the comment.
      this.commentBox ??= renderRatingComment(
        this.t,
        this.ratingComment,
        (comment) => void this.sendComment(comment),
      );
      nodes.push(this.commentBox);
    }
    log.replaceChildren(...nodes);
    if (nearEnd) this.scrollToEnd();
    this.renderBadge();
  }

  private renderBadge(): void {
    let unread = 0;
    for (const m of this.messages.values())
      if (m.direction === 'out' && m.seq > this.memory.readSeq) unread++;
    const { badge } = this.shell;
    badge.hidden = unread === 0 || this.opened;
    badge.textContent = String(Math.min(unread, 99));
    badge.setAttribute('aria-label', `${unread} ${this.t.unread}`);
  }

  private imageUrl(fileId: string): Promise<string> {
    let url = this.images.get(fileId);
    if (!url) {
      url = this.api.file(fileId).then((blob) => URL.createObjectURL(blob));
      this.images.set(fileId, url);
    }
    return url;
  }

  private async download(fileId: string, name: string): Promise<void> {
    const url = await this.imageUrl(fileId).catch(() => null);
    if (!url) return;
    const link = el('a', { href: url, download: name });
    link.click();
  }

  private insertText(text: string): void {
    const { input } = this.shell;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    input.setRangeText(text, start, end, 'end');
    input.focus();
  }

  private autoGrow(): void {
    const { input } = this.shell;
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
  }

  private scrollToEnd(): void {
    this.shell.log.scrollTop = this.shell.log.scrollHeight;
  }

  private setStatus(text: string): void {
    this.shell.status.textContent = text;
    this.shell.status.hidden = !text;
  }
}
