/**
 * How a returning client is recognised across channels: by the same channel id, or by an e-mail address or phone
 * number a known client record holds. These functions give the comparable form of each; the server looks the
 * forms up.
 *
 * @module
 */

/** An e-mail address in the form two spellings of one mailbox share (case-insensitive), or `undefined`. */
export function comparableEmail(raw: string | undefined): string | undefined {
  const email = raw?.trim().toLowerCase();
  if (!email || email.length > 254) return undefined;
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1 || /\s/.test(email)) return undefined;
  return email;
}

/**
 * A phone number as its digits with the country code, so `8 (912) 345-67-89`, `+7 912 345 67 89` and `79123456789`
 * are one number. Russian numbers written with the trunk prefix 8 (or without a code at all, ten digits) get the
 * country code 7. Anything with fewer than ten digits is not a phone number.
 */
export function comparablePhone(raw: string | undefined): string | undefined {
  if (!raw || raw.length > 40) return undefined;
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 10 || digits.length > 15) return undefined;
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}
