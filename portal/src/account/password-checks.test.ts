import { describe, expect, it } from 'vitest';
import { passwordChecks } from './password-checks';

describe('password change checks', () => {
  it('asks for every field, a long enough new password and the same one twice', () => {
    expect(passwordChecks({ current: '', password: '', repeat: '' })).toEqual({
      current: 'required',
      password: 'required',
      repeat: 'required',
    });
    expect(passwordChecks({ current: 'old', password: 'short', repeat: 'short' })).toEqual({
      password: 'short',
    });
    expect(passwordChecks({ current: 'old', password: 'long enough', repeat: 'long enougH' })).toEqual({
      repeat: 'mismatch',
    });
    expect(passwordChecks({ current: 'old', password: 'long enough', repeat: 'long enough' })).toEqual({});
  });
});
