import { type Static, Type } from '@sinclair/typebox';
import { Strict } from '../common-schemas.js';

/** A secret's name: what definitions and scripts use instead of its value. */
export const secretNamePattern = '^[a-z][a-z0-9_]{0,62}$';
const SecretName = Type.String({ pattern: secretNamePattern });
const HostPattern = Type.String({
  pattern: '^(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^[0-9a-f:.]+$',
  maxLength: 253,
});
/** An address or CIDR range, optionally with a port: `10.0.0.5:8080`, `[fd00::5]:8080` (see address-allowance.ts). */
const AddressOrRange = Type.String({
  pattern: '^(\\[[0-9a-fA-F:.]+(/[0-9]{1,3})?\\](:[0-9]{1,5})?|[0-9a-fA-F:.]+(/[0-9]{1,3}(:[0-9]{1,5})?)?)$',
  maxLength: 64,
});

const Auth = Type.Union([
  Strict({ type: Type.Literal('none') }),
  Strict({ type: Type.Literal('bearer'), secret: SecretName }),
  Strict({ type: Type.Literal('basic'), username: Type.String({ maxLength: 200 }), secret: SecretName }),
  Strict({
    type: Type.Literal('header'),
    header: Type.String({ pattern: '^[A-Za-z0-9-]{1,100}$' }),
    secret: SecretName,
  }),
]);

/**
 * An external system scripts and HTTP steps may call. Only administrators edit these: an integration decides
 * which hosts are reachable, which otherwise-blocked addresses are allowed and which secrets may travel there.
 */
export const IntegrationBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  baseUrl: Type.String({ pattern: '^https?://[^\\s/?#]+(/[^\\s]*)?$', maxLength: 2000 }),
  allowedHosts: Type.Array(HostPattern, { minItems: 1, maxItems: 50 }),
  /**
   * Loopback or private addresses (or CIDR ranges) this integration may reach anyway, e.g. an on-premises CRM, each on
   * one port: its own (`10.0.0.5:8080`) or, without one, the base URL's.
   */
  allowedAddresses: Type.Optional(Type.Array(AddressOrRange, { maxItems: 50 })),
  auth: Type.Optional(Auth),
  /** Secrets scripts may put into requests to this integration with `ctx.secret(name)`. */
  secrets: Type.Optional(Type.Array(SecretName, { maxItems: 50, uniqueItems: true })),
  headers: Type.Optional(
    Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]{1,100}$' }), Type.String({ maxLength: 2000 })),
  ),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000 })),
  maxResponseBytes: Type.Optional(Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024 })),
  /**
   * What may come back when the external system echoes a secret. `mask` (the default): every secret this
   * integration may carry is masked in its responses, in any form we know (as is, reversed, re-cased, hex,
   * base64, URL- or JSON-escaped), and again in a script run's result and logs. `allow`: responses reach scripts
   * and HTTP steps unmasked; only for a system trusted never to return a secret (masking garbles data that
   * happens to contain a short secret).
   */
  secretEcho: Type.Optional(Type.Union([Type.Literal('mask'), Type.Literal('allow')])),
});

export type IntegrationBody = Static<typeof IntegrationBodySchema>;

/** The secret names an integration body uses (auth and the ones scripts may send). */
export function integrationSecretNames(body: IntegrationBody): string[] {
  const names = new Set(body.secrets ?? []);
  if (body.auth && body.auth.type !== 'none') names.add(body.auth.secret);
  return [...names];
}
