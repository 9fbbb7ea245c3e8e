import type ivm from 'isolated-vm';

/**
 * V8's code cache of the code runs compile (our bootstrap, the authors' scripts), shared by all isolates of a
 * worker: a fresh isolate (a cold start, or a memory limit not used before) then deserializes instead of parsing
 * and compiling again. The cache holds bytes, never a compiled script, so no isolate sees another's objects.
 */
export class CodeCache {
  private readonly entries = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

  constructor(private readonly maxEntries = 64) {}

  compile(isolate: ivm.Isolate, code: string, filename?: string): ivm.Script {
    const cachedData = this.entries.get(code);
    const options = {
      ...(filename ? { filename } : {}),
      ...(cachedData ? { cachedData } : { produceCachedData: true }),
    };
    // isolated-vm sets these on the returned script; its typings leave them out.
    const script = isolate.compileScriptSync(code, options) as ivm.Script &
      ivm.CachedDataResult & { cachedDataRejected?: boolean };
    if (cachedData && script.cachedDataRejected) this.forget(code);
    else if (!cachedData && script.cachedData) this.keep(code, script.cachedData);
    return script;
  }

  private keep(code: string, data: ivm.ExternalCopy<ArrayBuffer>): void {
    this.entries.set(code, data);
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      this.forget(oldest);
    }
  }

  private forget(code: string): void {
    this.entries.get(code)?.release();
    this.entries.delete(code);
  }
}

/** One per process: every runner (and so every isolate) in a worker shares it. */
export const sharedCodeCache = new CodeCache();
