import { describe, expect, it } from 'vitest';
import { EchoTracker } from './echo-tracker';

describe('EchoTracker', () => {
  it('takes a render trailing the typing for an echo, not for a new value', () => {
    const echoes = new EchoTracker();
    for (const text of ['c', 'co', 'con', 'cons']) echoes.emitted(text);
    // The render of the first keystroke arrives after three more were typed: the editor must keep its text.
    expect(echoes.isEcho('c')).toBe(true);
    expect(echoes.isEcho('cons')).toBe(true);
    expect(echoes.isEcho('cons')).toBe(true);
  });

  it('forgets texts older than an echo already seen, so a later push of one of them applies', () => {
    const echoes = new EchoTracker();
    for (const text of ['a', 'ab', 'abc']) echoes.emitted(text);
    expect(echoes.isEcho('ab')).toBe(true);
    expect(echoes.isEcho('a')).toBe(false);
  });

  it('treats a value the editor never emitted as pushed from outside', () => {
    const echoes = new EchoTracker();
    echoes.emitted('const a = 1;');
    expect(echoes.isEcho('// restored version')).toBe(false);
    echoes.reset();
    expect(echoes.isEcho('const a = 1;')).toBe(false);
  });
});
