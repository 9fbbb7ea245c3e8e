import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { StartupError } from './startup-error.js';

/**
 * DATA_DIR must be writable by this process — on PostgreSQL too, since uploaded files and article images live
 * there — and so must the folders already in it. Checked at start, by writing, so a read-only mount or a
 * wrong owner fails here and not at the first upload.
 */
export function checkDataDir(dataDir: string, embedded: boolean): void {
  const problem = firstUnwritable(dataDir);
  if (!problem) return;
  const holds = embedded ? 'the embedded database, uploaded files and the secrets key' : 'uploaded files';
  const where = problem.path === dataDir ? '' : ` (${problem.path} inside it)`;
  throw new StartupError(
    `DATA_DIR ${dataDir} is not writable${where}: ${problem.reason}. The server keeps ${holds} there: ` +
      `set DATA_DIR to a directory ${currentUser()} can write, or give that user write access to it.`,
  );
}

function firstUnwritable(dataDir: string): { path: string; reason: string } | undefined {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    return { path: dataDir, reason: reasonOf(error) };
  }
  const folders = [dataDir, ...subfolders(dataDir)];
  for (const path of folders) {
    const probe = join(path, `.write-check-${process.pid}`);
    try {
      writeFileSync(probe, '');
      rmSync(probe);
    } catch (error) {
      return { path, reason: reasonOf(error) };
    }
  }
  return undefined;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  const messages: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a file stands where a directory should be',
    ENOSPC: 'no space left on the device',
  };
  return (code && messages[code]) ?? (error instanceof Error ? error.message : String(error));
}

function currentUser(): string {
  try {
    return `the user ${userInfo().username} (uid ${process.getuid?.() ?? '?'})`;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}
