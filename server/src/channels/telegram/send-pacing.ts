/**
 * Telegram's sending limits, kept by the sender rather than learned from 429s: at most one message per second to
 * one chat, thirty per second for the bot as a whole. `turn(chat)` says how long to wait before this send may go
 * (0: now) and books the slot; the caller sleeps that long, or — when the wait is long — gives the job back to the
 * queue for later instead of holding a worker.
 *
 * Kept per server process: several processes sending for one bot share the limit only through Telegram's 429 and
 * its `retry_after`, which the sender honours as well.
 */
export class SendPacing {
  private readonly nextPerChat = new Map<string, number>();
  private readonly recent: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly perChatMs = 1000,
    private readonly perSecond = 30,
  ) {}

  turn(chat: string): number {
    const now = this.now();
    this.forgetBefore(now - 1000);
    const chatFree = this.nextPerChat.get(chat) ?? now;
    const botFree =
      this.recent.length < this.perSecond
        ? now
        : (this.recent[this.recent.length - this.perSecond] ?? now) + 1000;
    const at = Math.max(now, chatFree, botFree);
    this.nextPerChat.set(chat, at + this.perChatMs);
    this.recent.push(at);
    this.recent.sort((a, b) => a - b);
    if (this.nextPerChat.size > 10_000) this.forgetIdleChats(now);
    return at - now;
  }

  private forgetBefore(limit: number) {
    while (this.recent.length && this.recent[0]! < limit) this.recent.shift();
  }

  private forgetIdleChats(now: number) {
    for (const [chat, free] of this.nextPerChat) if (free <= now) this.nextPerChat.delete(chat);
  }
}
