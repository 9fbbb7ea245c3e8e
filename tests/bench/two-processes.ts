import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@opora/server';
import { appOnDatabase } from '@opora/server/testing/app-on-database';
import { type Harness, login } from '@opora/server/testing/test-app';
import { createTestDatabase, type DatabaseTarget } from '@opora/server/testing/test-database';

type App = Harness['app'];

/**
 * Two server processes' apps on one PostgreSQL database, each with its own connection pool and NOTIFY listener
 * (what two `npm start` processes behind a load balancer share), and a supervisor signed in on each.
 */
export async function twoProcesses(target: DatabaseTarget) {
  const database = await createTestDatabase(target);
  const second = await openDatabase({ databaseUrl: database.url! });
  const dirs = [
    await mkdtemp(join(tmpdir(), 'opora-bench-a-')),
    await mkdtemp(join(tmpdir(), 'opora-bench-b-')),
  ];
  const apps: App[] = [];
  for (const [i, db] of [database.db, second].entries()) {
    const app = await appOnDatabase(db, dirs[i]!, { loginRateLimit: 10_000 });
    apps.push(app);
  }
  await apps[0]!.users.create(
    { login: 'bench-supervisor', name: 'Супервизор', password: 'bench-password-1', roles: ['supervisor'] },
    null,
  );
  const headers = [];
  for (const app of apps) headers.push(await login(app, 'bench-supervisor', 'bench-password-1'));
  return {
    apps,
    headers,
    async close() {
      for (const app of apps) await app.close();
      await second.close();
      await database.dispose();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    },
  };
}
