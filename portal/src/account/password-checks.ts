import { minPasswordLength, type SignupCheck } from './signup-checks';

export interface PasswordDraft {
  current: string;
  password: string;
  repeat: string;
}

export type PasswordField = keyof PasswordDraft;

/** What is wrong with the password change as typed (the limits sign-up and the server apply). */
export function passwordChecks(d: PasswordDraft): Partial<Record<PasswordField, SignupCheck>> {
  const out: Partial<Record<PasswordField, SignupCheck>> = {};
  if (!d.current) out.current = 'required';
  if (!d.password) out.password = 'required';
  else if (d.password.length < minPasswordLength) out.password = 'short';
  else if (d.password.length > 200) out.password = 'long';
  if (!d.repeat) out.repeat = 'required';
  else if (d.repeat !== d.password) out.repeat = 'mismatch';
  return out;
}
