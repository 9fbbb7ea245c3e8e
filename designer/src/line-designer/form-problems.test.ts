import { describe, expect, it } from 'vitest';
import { problemFinder } from './form-problems';

describe('problemFinder', () => {
  const server = [
    { pointer: '/hours/week/0/to', message: 'stale interval', source: 'server' as const },
    { pointer: '/isDefault', message: 'second default', source: 'server' as const },
    { pointer: '/rules/0/channels/1', message: 'not published', source: 'server' as const },
  ];

  it('takes the form’s own check first, anywhere inside the pointer', () => {
    const find = problemFinder([{ pointer: '/hours/week/2', message: 'overlap' }], server);
    expect(find('/hours')).toBe('overlap');
    expect(find('/hours/week/2')).toBe('overlap');
    expect(find('/hours/week/1')).toBeUndefined();
  });

  it('forgets a refusal the form checks itself once it is fixed, keeps what only the server knows', () => {
    const find = problemFinder([], server);
    expect(find('/hours/week/0')).toBeUndefined();
    expect(find('/isDefault')).toBe('second default');
    expect(find('/rules/0')).toBe('not published');
  });
});
