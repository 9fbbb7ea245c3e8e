import { describe, expect, it } from 'vitest';
import { lines, readDraft, withAuthType } from './integration-draft';

describe('integration draft', () => {
  it('reads a half-typed body without throwing and keeps what is there', () => {
    const draft = readDraft({
      baseUrl: 'https://crm.example.ru',
      allowedHosts: ['crm.example.ru', 7],
      auth: 'x',
    });
    expect(draft).toEqual({
      baseUrl: 'https://crm.example.ru',
      allowedHosts: ['crm.example.ru'],
      allowedAddresses: undefined,
      auth: { type: 'none' },
      secrets: undefined,
      timeoutMs: undefined,
      maxResponseBytes: undefined,
      secretEcho: undefined,
    });
    expect(readDraft({ secretEcho: 'allow' }).secretEcho).toBe('allow');
    expect(readDraft({ secretEcho: 'sometimes' }).secretEcho).toBeUndefined();
  });

  it('keeps the chosen secret when the admin switches the auth type', () => {
    const bearer = withAuthType({ type: 'none' }, 'bearer');
    expect(bearer).toEqual({ type: 'bearer', secret: '' });
    const basic = withAuthType({ type: 'bearer', secret: 'crm_token' }, 'basic');
    expect(basic).toEqual({ type: 'basic', username: '', secret: 'crm_token' });
    expect(withAuthType(basic, 'header')).toEqual({
      type: 'header',
      header: 'X-Api-Key',
      secret: 'crm_token',
    });
    expect(withAuthType(basic, 'none')).toEqual({ type: 'none' });
  });

  it('splits hosts one per line, trimmed, lower-cased, blank lines dropped', () => {
    expect(lines(' CRM.Example.ru \n\n*.api.example.ru\n  ')).toEqual(['crm.example.ru', '*.api.example.ru']);
  });
});
