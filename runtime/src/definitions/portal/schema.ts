import { type Static, Type } from '@sinclair/typebox';
import { Color, DefinitionKey, ElementId, LText, Strict } from '../common-schemas.js';
import { PortalAudience } from '../page/schema.js';

const FieldKey = Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,62}$' });

export const PortalMenuItemSchema = Strict({
  id: ElementId,
  label: LText,
  /** A portal path (/kb, /help/…, a page's path) or an external address. */
  to: Type.String({ maxLength: 2000, pattern: '^(https?://|/)' }),
  audience: Type.Optional(PortalAudience),
});

/**
 * Which data types hold the clients' requests and the clients themselves: a portal sign-up creates a client
 * record, a request sent from the portal points at it, and «Мои обращения» lists the requests that do.
 */
export const PortalAccountSchema = Strict({
  requests: DefinitionKey,
  /** The request's relation field that points at the client. */
  requestClient: FieldKey,
  /** The request's status field (an enum), shown to the client and notified on change. */
  requestStatus: FieldKey,
  clients: DefinitionKey,
  clientName: FieldKey,
  clientEmail: FieldKey,
});

/** The portal as a whole (kind `portal`, one per installation, key `main`): branding, menu, home page, accounts. */
export const PortalBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  name: LText,
  tagline: Type.Optional(LText),
  /** An uploaded image (`/api/v1/portal/assets/<id>`). */
  logo: Type.Optional(Type.String({ format: 'uuid' })),
  colors: Strict({
    primary: Color,
    accent: Type.Optional(Color),
    header: Type.Optional(Color),
    headerText: Type.Optional(Color),
  }),
  /** The page shown at `/` (its own path is ignored for that). */
  homePage: Type.Optional(DefinitionKey),
  menu: Type.Array(PortalMenuItemSchema, { maxItems: 20 }),
  footer: Type.Optional(LText),
  account: Type.Optional(PortalAccountSchema),
});

export type PortalBody = Static<typeof PortalBodySchema>;
export type PortalMenuItem = Static<typeof PortalMenuItemSchema>;
export type PortalAccount = Static<typeof PortalAccountSchema>;
/** The one portal definition the server serves. */
export const portalKey = 'main';
