import { describe, expect, it } from 'vitest';
import { RunAdmission } from './run-admission.js';

const gate = () => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
};

describe('RunAdmission', () => {
  it('runs a few at once, queues the next, refuses the rest with 503, and gives each user a share (429)', async () => {
    const admission = new RunAdmission({ running: 2, waiting: 2, perUser: 2 });
    const hold = gate();
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await hold.opened;
      running -= 1;
      return 'done';
    };
    const admitted = [
      admission.admit('a', task), // running
      admission.admit('b', task), // running
      admission.admit('a', task), // waiting: 'a' now has its two
    ];
    await expect(admission.admit('a', task)).rejects.toMatchObject({
      status: 429,
      code: 'too_many_script_runs',
    });
    admitted.push(admission.admit(undefined, task)); // waiting: the queue is now full
    await expect(admission.admit('c', task)).rejects.toMatchObject({ status: 503, code: 'scripts_busy' });
    hold.open();
    expect(await Promise.all(admitted)).toEqual(['done', 'done', 'done', 'done']);
    expect(most).toBe(2);
    await expect(admission.admit('a', task)).resolves.toBe('done');
  });
});
