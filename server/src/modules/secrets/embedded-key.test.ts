import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedKeyFile, embeddedSecretsKey } from './embedded-key.js';

describe('embedded secrets key', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is created once, readable only by its owner, and the same on every later start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opora-key-'));
    dirs.push(dir);
    const first = embeddedSecretsKey(dir);
    expect(first.created).toBe(true);
    expect(first.key.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, embeddedKeyFile)).mode & 0o777).toBe(0o600);
    const again = embeddedSecretsKey(dir);
    expect(again).toEqual({ key: first.key, created: false });
  });
});
