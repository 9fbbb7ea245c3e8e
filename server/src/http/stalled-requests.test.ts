import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerStalledRequestWatch } from './stalled-requests.js';

/** A fastify app with the watch at short times, its warnings collected. */
async function watchedApp() {
  const warnings: { msg: string; requests?: { method: string; path: string }[]; database?: string }[] = [];
  const stream = {
    write: (line: string) => {
      const entry = JSON.parse(line) as { level: number; msg: string };
      if (entry.level === 40) warnings.push(entry as (typeof warnings)[number]);
    },
  };
  const app = Fastify({ logger: { level: 'warn', stream } });
  registerStalledRequestWatch(app, () => 'pool: 1 of 1 connections in use, 3 callers waiting for one', {
    stalledAfterMs: 60,
    checkEveryMs: 20,
  });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  app.get('/held', async () => {
    await held;
    return { ok: true };
  });
  app.get('/quick', async () => ({ ok: true }));
  await app.ready();
  return { app, warnings, release };
}

describe('the stalled-request watch', () => {
  it('tells the log once about a request left unanswered, with what the database waits on', async () => {
    const { app, warnings, release } = await watchedApp();
    try {
      const answer = app.inject({ method: 'GET', url: '/held?token=secret' });
      await expect.poll(() => warnings.length, { timeout: 5_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        requests: [{ method: 'GET', path: '/held' }],
        database: 'pool: 1 of 1 connections in use, 3 callers waiting for one',
      });
      expect(warnings[0]!.msg).toContain('GET /held');
      expect(JSON.stringify(warnings)).not.toContain('secret');
      release();
      expect((await answer).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('says nothing of requests answered in time', async () => {
    const { app, warnings, release } = await watchedApp();
    release();
    try {
      for (let i = 0; i < 5; i++)
        expect((await app.inject({ method: 'GET', url: '/quick' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/held' })).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 150));
      expect(warnings).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
