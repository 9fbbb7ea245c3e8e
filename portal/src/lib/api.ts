import { OporaClient } from '@opora/sdk';

/** The one API client of the portal (same origin; session cookie + CSRF token). */
export const client = new OporaClient({ baseUrl: '' });
