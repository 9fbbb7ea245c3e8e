import { describe, expect, it } from 'vitest';
import { secretOptions, suggestedSecretName } from './secret-options';

const summary = (name: string) => ({
  name,
  description: '',
  updatedAt: '2026-12-01T00:00:00Z',
  updatedBy: null,
});

describe('secret options', () => {
  it('offers the stored names and the ones the draft already names, each once, sorted', () => {
    expect(secretOptions([summary('tg_token'), summary('crm_token')], 'old_secret', 'tg_token', '')).toEqual([
      'crm_token',
      'old_secret',
      'tg_token',
    ]);
  });

  it('suggests a valid secret name from a definition key', () => {
    expect(suggestedSecretName('support-bot', 'token')).toBe('support_bot_token');
    expect(suggestedSecretName('42-chat', 'secret')).toBe('chat_secret');
    expect(suggestedSecretName('---', 'token')).toBe('secret_token');
    expect(suggestedSecretName('a'.repeat(80), 'token')).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
  });
});
