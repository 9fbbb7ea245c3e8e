/**
 * A new integration's first body, from the address its administrator typed at creation (there is no made-up
 * default: an example address would look like a real setting). The address's host is the one it may reach.
 */
export function starterIntegration(baseUrl: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    baseUrl: baseUrl.trim(),
    allowedHosts: [hostOf(baseUrl)].filter(Boolean),
    auth: { type: 'none' },
    timeoutMs: 10000,
  };
}

/** The host name of an address, '' when it is not one (the server then names the problem). */
export function hostOf(address: string): string {
  try {
    return new URL(address.trim()).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}
