import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';
import { sessionLocks } from './session-locks.js';

/** Work one process at a time must do: two holders (two server processes) of the same database's locks. */
describe.each(databaseTargets)('session locks on $name', (target) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(target);
  });
  afterAll(() => test.dispose());

  it('gives a lock to one holder at a time, and to the next once released or closed', async () => {
    const first = sessionLocks(test.db);
    const second = sessionLocks(test.db);
    try {
      const lock = await first.tryLock('mailbox-a');
      expect(lock?.held).toBe(true);
      expect(await second.tryLock('mailbox-a')).toBeNull();
      expect(await first.tryLock('mailbox-a')).toBeNull();
      const other = await second.tryLock('mailbox-b');
      expect(other?.held).toBe(true);
      await lock!.release();
      expect(lock!.held).toBe(false);
      const taken = await second.tryLock('mailbox-a');
      expect(taken?.held).toBe(true);
      await second.close();
      expect((await first.tryLock('mailbox-a'))?.held).toBe(true);
      expect((await first.tryLock('mailbox-b'))?.held).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it.runIf(target.name === 'postgresql')(
    'lets go of the locks when the holder’s connection is lost, and the holder sees it',
    async () => {
      const first = sessionLocks(test.db);
      const second = sessionLocks(test.db);
      try {
        const lock = await first.tryLock('mailbox-c');
        expect(lock?.held).toBe(true);
        await test.db.query(
          `select pg_terminate_backend(pid) from pg_locks
            where locktype = 'advisory' and granted
              and database = (select oid from pg_database where datname = current_database())`,
        );
        await expect.poll(() => lock!.held).toBe(false);
        expect((await second.tryLock('mailbox-c'))?.held).toBe(true);
        // The first holder asks again on a new connection and is refused while the other has it.
        expect(await first.tryLock('mailbox-c')).toBeNull();
      } finally {
        await first.close();
        await second.close();
      }
    },
  );
});
