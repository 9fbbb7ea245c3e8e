import { describe, expect, it } from 'vitest';
import { SecretMask, SecretScrubber, secretMask } from './secret-masking.js';

const secret = 'crm-Token-5f1d9a7c';
const reversed = [...secret].reverse().join('');
const echoes = {
  raw: secret,
  reversed,
  upper: secret.toUpperCase(),
  lower: secret.toLowerCase(),
  hex: Buffer.from(secret).toString('hex'),
  hexUpper: Buffer.from(secret).toString('hex').toUpperCase(),
  base64: Buffer.from(secret).toString('base64'),
  base64Url: Buffer.from(secret).toString('base64url'),
  base64Reversed: Buffer.from(reversed).toString('base64'),
  base64Upper: Buffer.from(secret.toUpperCase()).toString('base64'),
  urlEncoded: encodeURIComponent(`${secret}/`),
  hexReversed: Buffer.from(reversed).toString('hex'),
};

describe('SecretMask', () => {
  it.each(Object.entries(echoes))('masks an echo of the secret %s', (_form, echo) => {
    const masked = new SecretMask([secret]).apply(`before ${echo} after`);
    expect(masked).toContain(secretMask);
    expect(masked).not.toContain(echo.replace(/%2F$/, ''));
  });

  it('finds the secret inside a longer base64 text, whatever its alignment', () => {
    const mask = new SecretMask([secret]);
    for (const prefix of ['', 't=', 'to=', 'tok='])
      expect(mask.apply(Buffer.from(`${prefix}${secret}&x=1`).toString('base64'))).toContain(secretMask);
  });

  it('leaves ordinary text and very short values alone', () => {
    expect(new SecretMask([secret]).apply('nothing to see')).toBe('nothing to see');
    expect(new SecretMask(['ab']).apply('abc ab')).toBe('abc ab');
  });
});

describe('SecretScrubber', () => {
  it('masks strings and keys of a value, deep ones included, without touching the original', () => {
    const scrubber = new SecretScrubber();
    expect(scrubber.value({ a: secret })).toEqual({ a: secret });
    scrubber.learn([secret]);
    let deep: unknown = { [secret]: [reversed] };
    for (let i = 0; i < 10_000; i++) deep = { deep };
    const original = { list: [secret, 1, null], deep };
    const masked = scrubber.value(original) as typeof original;
    expect(masked.list).toEqual([secretMask, 1, null]);
    let bottom = masked.deep as { deep?: unknown };
    while (bottom.deep) bottom = bottom.deep as { deep?: unknown };
    expect(bottom).toEqual({ [secretMask]: [secretMask] });
    expect(original.list[0]).toBe(secret);
  });
});
