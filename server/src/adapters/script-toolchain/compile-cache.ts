import { createHash } from 'node:crypto';
import type { CompileResult } from '@opora/runtime/scripts';
import { compileScript } from './compile.js';

export interface CompileCacheLimits {
  /** Distinct sources kept. */
  maxEntries: number;
  /** Bytes of compiled code and source maps kept (UTF-16 code units, roughly what they take in memory). */
  maxBytes: number;
}

interface Entry {
  result: Promise<CompileResult>;
  bytes: number;
}

const sizeOf = (result: CompileResult) =>
  result.ok
    ? result.script.code.length + result.script.sourceMap.length
    : result.problems.reduce((sum, p) => sum + p.message.length + 16, 0);

/**
 * esbuild's output by the hash of the source, least recently used dropped first: an author pressing "run" again
 * on the same code (the designer's test-run loop) pays for no compile. Failures are kept too, as compiling the
 * same text fails the same way. Concurrent compiles of one source share one esbuild call.
 */
export class CompileCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly limits: CompileCacheLimits = { maxEntries: 256, maxBytes: 32 * 1024 * 1024 },
  ) {}

  compile(source: string, filename = 'script.ts'): Promise<CompileResult> {
    const key = createHash('sha256').update(filename).update('\0').update(source).digest('base64url');
    const hit = this.entries.get(key);
    if (hit) {
      // Moved to the end: Map keeps insertion order, so the first key is always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.result;
    }
    const entry: Entry = { result: compileScript(source, filename), bytes: 0 };
    this.entries.set(key, entry);
    entry.result.then(
      (result) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = sizeOf(result);
        this.bytes += entry.bytes;
        this.evict();
      },
      // esbuild itself failed (not the author's code): the next call tries again.
      () => this.drop(key, entry),
    );
    this.evict();
    return entry.result;
  }

  /** How many sources are kept (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) return;
      this.drop(key, entry);
    }
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
