import { describe, expect, it } from 'vitest';
import { comparableEmail, comparablePhone } from './identity.js';

describe('recognising a client by address', () => {
  it('compares e-mail addresses without case and spaces', () => {
    expect(comparableEmail(' Maria.Ivanova@Example.RU ')).toBe('maria.ivanova@example.ru');
    expect(comparableEmail('no-at-sign')).toBeUndefined();
    expect(comparableEmail('@example.ru')).toBeUndefined();
    expect(comparableEmail('two words@example.ru')).toBeUndefined();
  });

  it('reads Russian phone numbers written in every usual way as one', () => {
    const forms = ['8 (912) 345-67-89', '+7 912 345 67 89', '79123456789', '912 345-67-89'];
    expect(new Set(forms.map(comparablePhone))).toEqual(new Set(['79123456789']));
  });

  it('keeps other countries as written and refuses what is not a number', () => {
    expect(comparablePhone('+49 30 1234567')).toBe('49301234567');
    expect(comparablePhone('112')).toBeUndefined();
    expect(comparablePhone('x'.repeat(1000))).toBeUndefined();
  });
});
