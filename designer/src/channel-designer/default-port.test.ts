import { describe, expect, it } from 'vitest';
import { defaultPortFor } from './EmailSection';
import { imapPortFor } from './ImapSection';

describe('SMTP port with TLS from the start', () => {
  it('moves between 587 and 465 only when the port is still the other mode’s usual one', () => {
    expect(defaultPortFor(true, 587)).toBe(465);
    expect(defaultPortFor(false, 465)).toBe(587);
    expect(defaultPortFor(true, 2525)).toBe(2525);
    expect(defaultPortFor(false, 587)).toBe(587);
  });
});

describe('IMAP port with TLS from the start', () => {
  it('moves between 143 and 993 only when the port is still the other mode’s usual one', () => {
    expect(imapPortFor(false, 993)).toBe(143);
    expect(imapPortFor(true, 143)).toBe(993);
    expect(imapPortFor(false, 1143)).toBe(1143);
  });
});
