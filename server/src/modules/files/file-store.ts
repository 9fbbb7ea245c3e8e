import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Thrown by {@link FileStore.put} once the content passes its byte limit; nothing is left behind. */
export class SizeLimitExceeded extends Error {
  constructor(readonly limitBytes: number) {
    super(`content exceeds ${limitBytes} bytes`);
    this.name = 'SizeLimitExceeded';
  }
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * File content on disk, addressed by its SHA-256 (`files/ab/abcd…`), so identical content is kept once.
 * Writes go to `files/tmp/` (same file system, so the final rename is atomic): a reader never sees half a
 * file, and a refused or broken upload leaves nothing. Blobs are never modified, only added.
 */
export class FileStore {
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  blobPath(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` to disk while hashing and counting; more than `limitBytes` aborts with {@link SizeLimitExceeded}. */
  async put(source: Readable, limitBytes: number): Promise<StoredBlob> {
    await mkdir(this.tmp, { recursive: true });
    const temp = join(this.tmp, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limitBytes) return done(new SizeLimitExceeded(limitBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // flush: fsync before close, so the rename below never publishes content the disk has not got yet.
    const writer = createWriteStream(temp, { flags: 'wx', flush: true });
    try {
      await pipeline(source, meter, writer);
    } catch (error) {
      // A refusal in the first chunk can come before the file's open finished; the stream closes only after
      // it, so unlinking then cannot miss a file the open creates a moment later.
      if (!writer.closed) await new Promise<void>((closed) => writer.once('close', () => closed()));
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    const sha256 = hash.digest('hex');
    const target = this.blobPath(sha256);
    try {
      if (await exists(target)) await unlink(temp);
      else {
        await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
        // Two uploads of the same content may race here; either rename leaves the same bytes in place.
        await rename(temp, target);
      }
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return { sha256, size };
  }

  /** A stream of the blob, or undefined when the content is not on disk. */
  async open(sha256: string): Promise<ReadStream | undefined> {
    try {
      const handle = await open(this.blobPath(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
