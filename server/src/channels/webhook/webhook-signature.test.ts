import { describe, expect, it } from 'vitest';
import { sign, verify } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'общий-секрет';
  const body = '{"messageId":"m1","text":"Здравствуйте"}';
  const now = 1_800_000_000;

  it('accepts what was signed with the secret just now', () => {
    expect(
      verify(secret, { timestamp: String(now), signature: sign(secret, now, body) }, body, now + 10),
    ).toBe('ok');
  });

  it('refuses a changed body, another secret, an old call and a missing header', () => {
    const signature = sign(secret, now, body);
    expect(verify(secret, { timestamp: String(now), signature }, `${body} `, now)).toBe('mismatch');
    expect(verify('другой', { timestamp: String(now), signature }, body, now)).toBe('mismatch');
    expect(verify(secret, { timestamp: String(now), signature }, body, now + 301)).toBe('stale');
    expect(verify(secret, { timestamp: String(now) }, body, now)).toBe('missing');
    expect(verify(secret, { timestamp: '1e9', signature }, body, now)).toBe('mismatch');
  });
});
