/** The integration body as the settings form edits it; the server's schema stays the judge of what is valid. */
export type IntegrationAuth =
  | { type: 'none' }
  | { type: 'bearer'; secret: string }
  | { type: 'basic'; username: string; secret: string }
  | { type: 'header'; header: string; secret: string };

export type AuthType = IntegrationAuth['type'];

export interface IntegrationDraft {
  baseUrl: string;
  allowedHosts: string[];
  allowedAddresses?: string[];
  auth: IntegrationAuth;
  secrets?: string[];
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** 'allow' passes responses that may echo a secret to scripts unmasked; masked when absent. */
  secretEcho?: 'mask' | 'allow';
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function readAuth(value: unknown): IntegrationAuth {
  const auth = (value ?? {}) as Record<string, unknown>;
  const secret = text(auth.secret);
  switch (auth.type) {
    case 'bearer':
      return { type: 'bearer', secret };
    case 'basic':
      return { type: 'basic', username: text(auth.username), secret };
    case 'header':
      return { type: 'header', header: text(auth.header), secret };
    default:
      return { type: 'none' };
  }
}

/** Reads whatever the JSON holds into the form's shape, tolerating half-typed drafts. */
export function readDraft(body: Record<string, unknown>): IntegrationDraft {
  return {
    baseUrl: text(body.baseUrl),
    allowedHosts: strings(body.allowedHosts),
    allowedAddresses: body.allowedAddresses === undefined ? undefined : strings(body.allowedAddresses),
    auth: readAuth(body.auth),
    secrets: body.secrets === undefined ? undefined : strings(body.secrets),
    timeoutMs: number(body.timeoutMs),
    maxResponseBytes: number(body.maxResponseBytes),
    secretEcho: body.secretEcho === 'allow' || body.secretEcho === 'mask' ? body.secretEcho : undefined,
  };
}

/** Switching the auth type keeps the chosen secret, so trying types does not lose work. */
export function withAuthType(auth: IntegrationAuth, type: AuthType): IntegrationAuth {
  const secret = auth.type === 'none' ? '' : auth.secret;
  switch (type) {
    case 'none':
      return { type };
    case 'bearer':
      return { type, secret };
    case 'basic':
      return { type, username: auth.type === 'basic' ? auth.username : '', secret };
    case 'header':
      return { type, header: auth.type === 'header' ? auth.header : 'X-Api-Key', secret };
  }
}

/** One entry per non-empty line, trimmed and lower-cased as hosts and addresses compare. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean);
}
