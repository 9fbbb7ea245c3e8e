import { minPasswordLength, type SignupCheck } from './signup-checks';

export interface ResetDraft {
  password: string;
  repeat: string;
}

export type ResetField = keyof ResetDraft;

/** What is wrong with the new password as typed: the same limits as sign-up and the password change. */
export function resetChecks(d: ResetDraft): Partial<Record<ResetField, SignupCheck>> {
  const out: Partial<Record<ResetField, SignupCheck>> = {};
  if (!d.password) out.password = 'required';
  else if (d.password.length < minPasswordLength) out.password = 'short';
  else if (d.password.length > 200) out.password = 'long';
  if (!d.repeat) out.repeat = 'required';
  else if (d.repeat !== d.password) out.repeat = 'mismatch';
  return out;
}
