import { OporaClient } from '@opora/sdk';

/** The one API client of the designer (same origin; session cookie + CSRF token). */
export const client = new OporaClient({ baseUrl: '' });
