import { ApiError } from '@opora/sdk';

/** A message for a banner: the server's own (already in the user's language) or a generic one. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  return fallback;
}
