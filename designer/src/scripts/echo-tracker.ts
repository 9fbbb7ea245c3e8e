/** How many emitted texts are remembered: far more than renders can trail behind typing. */
const remembered = 256;

/**
 * Tells the editor's own text coming back through props (an echo, possibly of an older keystroke) from a value
 * pushed from outside. Echoes arrive in the order the texts were emitted, so once one is seen, the texts emitted
 * before it can no longer come back and are forgotten.
 */
export class EchoTracker {
  private pending: string[] = [];
  /** True while the editor applies a pushed value: that change is not the author's and is not emitted. */
  applying = false;

  emitted(text: string): void {
    this.pending.push(text);
    if (this.pending.length > remembered) this.pending.splice(0, this.pending.length - remembered);
  }

  /** True when `value` is a text the editor emitted and has not yet seen come back (or the latest one). */
  isEcho(value: string): boolean {
    const index = this.pending.indexOf(value);
    if (index < 0) return false;
    // The text itself stays: it keeps coming back on every later render until the author types again.
    this.pending.splice(0, index);
    return true;
  }

  reset(): void {
    this.pending = [];
  }
}
