/**
 * A small queue in front of an operation: at most `maxActive` tasks run at once, up to `maxWaiting` more wait
 * their turn, and anything beyond is refused at once. A script's flood of SDK calls thus becomes a short,
 * steady stream instead of thousands of queries started together.
 */
export class CallGate {
  private active = 0;
  private waiting: (() => void)[] = [];
  private head = 0;

  constructor(
    private readonly maxActive: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `task` when a slot is free; `undefined` (nothing started) when too many tasks are already waiting. */
  run<T>(task: () => Promise<T>): Promise<T> | undefined {
    if (this.active < this.maxActive) {
      this.active += 1;
      return this.execute(task);
    }
    if (this.waitingCount >= this.maxWaiting) return undefined;
    // The finishing task hands its slot straight to the woken one (see release), so `active` never overshoots.
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.execute(task));
  }

  /** Tasks running plus tasks waiting. */
  get pending(): number {
    return this.active + this.waitingCount;
  }

  private get waitingCount(): number {
    return this.waiting.length - this.head;
  }

  private async execute<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    if (this.head >= this.waiting.length) {
      this.active -= 1;
      return;
    }
    const wake = this.waiting[this.head] as () => void;
    this.head += 1;
    // A read index instead of shift(): waking is O(1); the array is trimmed once half of it is spent.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    wake();
  }
}
