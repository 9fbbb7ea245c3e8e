import { ApiError } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { signupChecks, signupServerErrors } from './signup-checks';

const ok = { name: 'Анна', email: 'anna@example.ru', password: 'secret-123', repeat: 'secret-123' };

describe('sign-up checks', () => {
  it('passes a good form', () => {
    expect(signupChecks(ok)).toEqual({});
  });
  it('names each problem beside its field', () => {
    expect(signupChecks({ name: ' ', email: 'anna@', password: 'short', repeat: 'other' })).toEqual({
      name: 'required',
      email: 'email',
      password: 'short',
      repeat: 'mismatch',
    });
    expect(signupChecks({ ...ok, repeat: '' }).repeat).toBe('required');
    expect(signupChecks({ ...ok, email: '' }).email).toBe('required');
  });
});

describe('sign-up server errors', () => {
  it('puts field details beside the fields', () => {
    const error = new ApiError(400, {
      error: {
        code: 'validation',
        message: 'Invalid',
        details: [
          { pointer: '/email', message: 'Адрес уже занят' },
          { pointer: '', message: 'Что-то ещё' },
        ],
      },
    });
    expect(signupServerErrors(error, 'x')).toEqual({
      fields: { email: 'Адрес уже занят' },
      general: 'Что-то ещё',
    });
  });
  it('reads a bare conflict as the address being taken', () => {
    const error = new ApiError(409, {
      error: { code: 'conflict', message: 'Уже зарегистрирован', details: [] },
    });
    expect(signupServerErrors(error, 'x')).toEqual({
      fields: { email: 'Уже зарегистрирован' },
      general: null,
    });
  });
  it('says the server is unreachable for anything else', () => {
    expect(signupServerErrors(new TypeError('fetch failed'), 'offline')).toEqual({
      fields: {},
      general: 'offline',
    });
  });
});
