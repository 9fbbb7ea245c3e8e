import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedKeyFile, findSecretsKey } from './secrets-key.js';

describe('the secrets key', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'opora-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is created once beside the embedded database, readable only by its owner, and the same on every later start', () => {
    const dir = dataDir();
    const options = { variable: undefined, dataDir: dir, embedded: true, secretsStored: false };
    const first = findSecretsKey(options);
    expect(first).toMatchObject({ created: true, source: `the file ${join(dir, embeddedKeyFile)}` });
    expect(first.value!.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, embeddedKeyFile)).mode & 0o777).toBe(0o600);
    expect(findSecretsKey({ ...options, secretsStored: true })).toEqual({ ...first, created: false });
  });

  it('names the file and the variable it looked for when stored secrets have lost their key file', () => {
    const dir = dataDir();
    expect(() =>
      findSecretsKey({ variable: undefined, dataDir: dir, embedded: true, secretsStored: true }),
    ).toThrow(
      `the variable OPORA_SECRETS_KEY is not set and the key file ${join(dir, embeddedKeyFile)} does not exist`,
    );
  });

  it('on PostgreSQL reads the variable only, and says so when it is missing', () => {
    const dir = dataDir();
    writeFileSync(join(dir, embeddedKeyFile), 'a-key-file-that-postgres-ignores');
    const options = { variable: undefined, dataDir: dir, embedded: false, secretsStored: true };
    expect(() => findSecretsKey(options)).toThrow(
      /the variable OPORA_SECRETS_KEY is not set \(on PostgreSQL the key is read from it only\)/,
    );
    expect(findSecretsKey({ ...options, secretsStored: false }).value).toBeUndefined();
    expect(findSecretsKey({ ...options, variable: 'sixteen-chars-key' })).toEqual({
      value: 'sixteen-chars-key',
      source: 'the variable OPORA_SECRETS_KEY',
      created: false,
    });
  });

  it('refuses a short key, naming where it came from', () => {
    const dir = dataDir();
    writeFileSync(join(dir, embeddedKeyFile), 'short\n');
    expect(() =>
      findSecretsKey({ variable: undefined, dataDir: dir, embedded: true, secretsStored: false }),
    ).toThrow(
      `The secrets key in the file ${join(dir, embeddedKeyFile)} must be at least 16 characters long`,
    );
  });
});
