import { ApiError } from '@opora/sdk';

export interface SignupDraft {
  name: string;
  email: string;
  password: string;
  repeat: string;
}

export type SignupField = keyof SignupDraft;
export type SignupCheck = 'required' | 'email' | 'short' | 'long' | 'mismatch';

export const minPasswordLength = 8;
// The shape a person can check by eye; the server has the last word on what it accepts.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the form as typed, field by field (the same limits the server applies). */
export function signupChecks(d: SignupDraft): Partial<Record<SignupField, SignupCheck>> {
  const out: Partial<Record<SignupField, SignupCheck>> = {};
  if (!d.name.trim()) out.name = 'required';
  else if (d.name.trim().length > 200) out.name = 'long';
  if (!d.email.trim()) out.email = 'required';
  else if (!emailShape.test(d.email.trim())) out.email = 'email';
  else if (d.email.trim().length > 200) out.email = 'long';
  if (!d.password) out.password = 'required';
  else if (d.password.length < minPasswordLength) out.password = 'short';
  else if (d.password.length > 200) out.password = 'long';
  if (!d.repeat) out.repeat = 'required';
  else if (d.repeat !== d.password) out.repeat = 'mismatch';
  return out;
}

/** The server's refusal sorted: messages about a field (`/email`) beside it, the rest above the button. */
export function signupServerErrors(
  error: unknown,
  fallback: string,
): { fields: Partial<Record<SignupField, string>>; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: fallback };
  const fields: Partial<Record<SignupField, string>> = {};
  const other: string[] = [];
  for (const d of error.details) {
    const key = d.pointer.split('/')[1];
    if (key === 'name' || key === 'email' || key === 'password') fields[key] ??= d.message;
    else other.push(d.message);
  }
  // A conflict on sign-up can only be an account that already has this address.
  if (error.status === 409 && !error.details.length) fields.email = error.message;
  const general = other.length
    ? other.join(' ')
    : Object.keys(fields).length
      ? null
      : error.message || fallback;
  return { fields, general };
}
