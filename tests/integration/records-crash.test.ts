import type { Database } from '@opora/server';
import { describe, expect, it } from 'vitest';
import { adminApiClient } from '../e2e/support/api-client.js';
import { crashTargets } from './fixtures/crash-databases.js';
import {
  adminPassword,
  randomPort,
  type ServerChild,
  startServer,
  until,
  untilReady,
} from './fixtures/server-child.js';

const secretsKey = 'records-crash-secrets-key-001';
/** Callers creating records at once, and how many acknowledged creates the kill waits for. */
const callers = 16;
const killAfterAcknowledged = 300;
/** A server's start (migrations on a fresh database included) on a busy two-core machine can take minutes. */
const startupMs = 300_000;

const ticket = {
  schemaVersion: 1,
  label: { ru: 'Заявка' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, required: true },
    { key: 'priority', type: 'number', label: { ru: 'Приоритет' }, min: 1, max: 5 },
  ],
};

describe.each(crashTargets)('record creates when the server is killed (%s)', (_name, setup) => {
  // A create commits its record, its number and its audit row in one transaction: a kill -9 mid-flight loses
  // only creates that were never acknowledged, and never leaves a record without its audit row (or the reverse).
  it(
    'keeps every acknowledged create with exactly one audit row after a kill -9',
    async () => {
      const port = randomPort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const s = await setup();
      const servers: ServerChild[] = [];
      try {
        const env = { ...s.env, PORT: String(port) };
        const first = startServer(env, secretsKey);
        servers.push(first);
        await untilReady(baseUrl, first, startupMs);
        const api = await adminApiClient({ baseUrl, adminPassword });
        const created = await api.createDefinition({
          kind: 'entity',
          key: 'ticket',
          name: 'Заявка',
          body: ticket,
        });
        await api.publishDefinition(created.id, created.draftVersion);

        const acknowledged = new Set<string>();
        let failedAfterKill = 0;
        let killed = false;
        const caller = async (c: number) => {
          for (let i = 0; !killed; i++) {
            try {
              const record = await api.createRecord('ticket', { subject: `Заявка ${c}-${i}`, priority: 3 });
              acknowledged.add(record.id);
            } catch (error) {
              if (!killed) throw error;
              failedAfterKill++;
            }
          }
        };
        const running = Array.from({ length: callers }, (_, c) => caller(c));
        await until(() => acknowledged.size >= killAfterAcknowledged, startupMs, 'creates', first.output);
        killed = true;
        first.child.kill('SIGKILL');
        await first.exited;
        await Promise.all(running);
        const atKill = acknowledged.size;

        // The restarted server recovers the database and serves again.
        const second = startServer(env, secretsKey);
        servers.push(second);
        await untilReady(baseUrl, second, startupMs);
        second.child.kill('SIGTERM');
        await second.exited;

        const db = await s.open();
        const stored = await storedCreates(db);
        await db.close();
        process.stdout.write(
          `records crash: ${atKill} creates acknowledged before the kill, ${failedAfterKill} cut off; ` +
            `${stored.records.length} records stored\n`,
        );
        const storedIds = new Set(stored.records.map((r) => r.id));
        expect([...acknowledged].filter((id) => !storedIds.has(id))).toEqual([]);
        expect(stored.records.filter((r) => Number(r.audits) !== 1)).toEqual([]);
        expect(stored.orphanAudits).toEqual([]);
        const numbers = stored.records.map((r) => Number(r.number)).sort((a, b) => a - b);
        expect(new Set(numbers).size).toBe(numbers.length);
      } finally {
        for (const server of servers.filter((child) => child.child.exitCode === null)) {
          server.child.kill('SIGKILL');
          await server.exited;
        }
        await s.cleanup();
      }
    },
    4 * startupMs,
  );
});

/** Every ticket with the count of its create audit rows, and create audit rows whose record is missing. */
async function storedCreates(db: Database) {
  const records = await db.query<{ id: string; number: string | number; audits: string | number }>(
    `select r.id, r.number, (select count(*) from audit_log a
        where a.target_type = 'record' and a.action = 'create' and a.target_id = r.id::text) as audits
       from record r where r.entity = 'ticket'`,
  );
  const orphanAudits = await db.query<{ target_id: string }>(
    `select a.target_id from audit_log a
      where a.target_type = 'record' and a.action = 'create' and a.entity = 'ticket'
        and not exists (select 1 from record r where r.id::text = a.target_id)`,
  );
  return { records, orphanAudits };
}
