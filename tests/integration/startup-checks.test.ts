import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@opora/server';
import { createThrowawayDatabase, dropDatabase } from '@opora/server/testing/test-database';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case starts a server process (and the embedded one opens its database twice): slow on a busy machine.
vi.setConfig({ testTimeout: 240_000 });

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const serverUrl = process.env.DATABASE_URL;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opora-startup-'));
  dirs.push(dir);
  return dir;
}

interface Outcome {
  code: number | null;
  output: string;
}

/**
 * Runs the real server (as `npm start` does) until it exits. A server that starts instead of refusing is
 * stopped, and its exit code is then null.
 */
function runServer(env: Record<string, string>, options: { uid?: number } = {}): Promise<Outcome> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-node-snapshot', '--import', 'tsx', 'server/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(20000 + Math.floor(Math.random() * 20000)),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_TEMPLATE: '',
        ADMIN_PASSWORD: 'startup-check-password',
        DATABASE_URL: '',
        OPORA_SECRETS_KEY: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
    if (output.includes('Opora is running')) child.kill('SIGKILL');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
  return new Promise((done) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

/** A database that holds one encrypted secret, saved with a key the server will not be given. */
async function storeSecret(open: Parameters<typeof openDatabase>[0]): Promise<void> {
  const db = await openDatabase(open);
  try {
    await db.migrate();
    await db.query(`insert into secret (name, description, cipher) values ('crm_token', '', 'v1:a:b:c')`);
  } finally {
    await db.close();
  }
}

const targets = [
  { name: 'pglite', env: async () => ({ DATABASE_URL: '' }), cleanup: async () => undefined },
  ...(serverUrl
    ? [
        (() => {
          let url = '';
          return {
            name: 'postgresql',
            env: async () => {
              url ||= await createThrowawayDatabase(serverUrl);
              return { DATABASE_URL: url };
            },
            cleanup: async () => {
              if (url) await dropDatabase(serverUrl, url);
            },
          };
        })(),
      ]
    : []),
];

describe.each(targets)('start-up on $name refuses', (target) => {
  afterAll(() => target.cleanup());

  it('a DATA_DIR it cannot create, naming it', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const dataDir = join(file, 'data');
    const { code, output } = await runServer({ ...(await target.env()), DATA_DIR: dataDir });
    expect(output).toContain(`DATA_DIR ${dataDir} is not writable`);
    expect(code).toBe(1);
  });

  // Root writes anywhere, so the server runs as nobody over a directory only root may write.
  it.runIf(process.getuid?.() === 0)('a DATA_DIR it cannot write, naming it and the user', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    chmodSync(join(dataDir, '..'), 0o755);
    chmodSync(dataDir, 0o755);
    const { code, output } = await runServer({ ...(await target.env()), DATA_DIR: dataDir }, { uid: 65534 });
    expect(output).toContain(`DATA_DIR ${dataDir} is not writable: permission denied`);
    expect(output).toContain('uid 65534');
    expect(code).toBe(1);
  });
});

describe.runIf(serverUrl)('start-up on PostgreSQL', () => {
  it('refuses a DATABASE_URL naming a database that does not exist, and does not create it', async () => {
    const url = new URL(serverUrl!);
    const name = `opora_missing_${Date.now().toString(36)}`;
    url.pathname = `/${name}`;
    const { code, output } = await runServer({ DATABASE_URL: url.toString(), DATA_DIR: tempDir() });
    expect(output).toContain(`DATABASE_URL names the database "${name}", which does not exist`);
    expect(code).toBe(1);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
      expect(found.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it('says it looked for the variable OPORA_SECRETS_KEY when stored secrets have no key', async () => {
    const url = await createThrowawayDatabase(serverUrl!);
    try {
      await storeSecret({ databaseUrl: url });
      const { code, output } = await runServer({ DATABASE_URL: url, DATA_DIR: tempDir() });
      expect(output).toContain(
        'Secrets are stored in the database but the variable OPORA_SECRETS_KEY is not set',
      );
      expect(code).toBe(1);
    } finally {
      await dropDatabase(serverUrl!, url);
    }
  });
});

describe('start-up on the embedded database', () => {
  it('names the key file and the variable it looked for when stored secrets have lost their key', async () => {
    const dataDir = tempDir();
    await storeSecret({ dataDir });
    const { code, output } = await runServer({ DATA_DIR: dataDir });
    expect(output).toContain(
      `the variable OPORA_SECRETS_KEY is not set and the key file ${join(dataDir, 'secrets.key')} does not exist`,
    );
    expect(existsSync(join(dataDir, 'secrets.key'))).toBe(false);
    expect(code).toBe(1);
  });
});
