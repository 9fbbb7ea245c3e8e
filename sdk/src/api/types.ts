/**
 * Shapes of the Opora REST API (`/api/v1`). The server's route schemas produce exactly these;
 * the designer, the portal and integrations consume them through {@link OporaClient}.
 */

export type Role = 'admin' | 'analyst' | 'developer' | 'operator' | 'supervisor' | 'client';
export const roles: readonly Role[] = ['admin', 'analyst', 'developer', 'operator', 'supervisor', 'client'];
export const staffRoles: readonly Role[] = ['admin', 'analyst', 'developer', 'operator', 'supervisor'];

export type Locale = 'ru' | 'en';

/** One problem with the input: a JSON pointer into the document the client sent ('' for the whole; '/querystring/…' for query parameters), and a message in the caller's language. */
export interface ErrorDetail {
  pointer: string;
  message: string;
  code?: string;
}

/** Every error the API returns has this shape. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export interface Page<T> {
  items: T[];
  /** Exact up to 10,000; beyond, 10,000 with `totalCapped` set, where a list says «более 10 000». */
  total: number;
  /** Set by lists that stop counting at 10,000: more rows match than `total`. */
  totalCapped?: boolean;
  limit: number;
  offset: number;
}

/** A page of a list walked by cursor (records): hand a cursor back as `after` / `before` for the next page. */
export interface CursorPage<T> extends Page<T> {
  totalCapped: boolean;
  /** The page after this one (pass as `after`); null on the last page. */
  nextCursor: string | null;
  /** The page before this one (pass as `before`); null on the first page. */
  prevCursor: string | null;
}

export interface User {
  id: string;
  login: string;
  name: string;
  email: string | null;
  roles: Role[];
  locale: Locale;
  active: boolean;
  createdAt: string;
}

export interface Session {
  user: User;
  /** Send back as the `x-csrf-token` header on every state-changing request made with the session cookie. */
  csrfToken: string;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

// The kinds are defined once, by the runtime's definition schemas.
import type { DefinitionKind } from '@opora/runtime/definitions';

export type { DefinitionKind };
export type DefinitionStatus = 'draft' | 'published' | 'archived';

export interface DefinitionSummary {
  id: string;
  kind: DefinitionKind;
  key: string;
  name: string;
  description: string;
  status: DefinitionStatus;
  /** Increments on every draft save; send it back to update, publish or delete (optimistic concurrency). */
  draftVersion: number;
  latestVersion: number | null;
  hasUnpublishedChanges: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface Definition extends DefinitionSummary {
  body: unknown;
}

export interface DefinitionVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

export interface DefinitionVersion extends DefinitionVersionSummary {
  definitionId: string;
  kind: DefinitionKind;
  key: string;
  name: string;
  body: unknown;
}

export interface DefinitionInput {
  kind: DefinitionKind;
  key: string;
  name: string;
  description?: string;
  body: unknown;
}

export interface DefinitionUpdate {
  name: string;
  description?: string;
  body: unknown;
  draftVersion: number;
}

export interface DefinitionQuery {
  kind?: DefinitionKind;
  q?: string;
  status?: DefinitionStatus;
  sort?: 'name' | '-name' | 'updatedAt' | '-updatedAt';
  limit?: number;
  offset?: number;
}

export interface ImportReport {
  created: { kind: DefinitionKind; key: string }[];
  updated: { kind: DefinitionKind; key: string }[];
  published: { kind: DefinitionKind; key: string; version: number }[];
  records: number;
  /** What the bundle's knowledge-base section brought in, when it had one. */
  knowledgeBase?: { categories: number; articles: number; synonyms: number };
}

/** An uploaded file as a record's file field holds it; `POST /files` answers with one. */
export interface FileRef {
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  contentType: string;
}

export interface RecordItem {
  id: string;
  entity: string;
  /** Human-friendly sequential number (e.g. the request number shown to clients). */
  number: number;
  entityVersion: number;
  title: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'in' | 'empty';

export interface RecordQuery {
  q?: string;
  /** Each as `field:op:value`; `in` takes `a|b|c`; `empty` takes `true`/`false`. */
  filter?: string[];
  /** A field key or createdAt/updatedAt/number, `-` prefix for descending. */
  sort?: string;
  limit?: number;
  /** Page by number (kept for older clients); a cursor is cheaper and stable under inserts. */
  offset?: number;
  /** A page's `nextCursor`: the records after it. */
  after?: string;
  /** A page's `prevCursor`: the records before it. */
  before?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: 'create' | 'update' | 'delete' | 'publish' | 'import' | 'archive';
  targetType: 'record' | 'definition' | 'user' | 'contact' | 'conversation' | 'message';
  targetId: string;
  before: unknown;
  after: unknown;
}

export interface ServerInfo {
  name: string;
  version: string;
  database: 'pglite' | 'postgresql';
  locales: Locale[];
  /** IANA zone forms compute "today" in, the same in the browser and on the server. */
  timeZone: string;
}

export interface ScriptLimitsInput {
  memoryMb: number;
  timeoutMs: number;
  cpuMs: number;
  maxOutputBytes: number;
  maxLogBytes: number;
  maxSdkCalls: number;
}

export interface ScriptLogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** What a script run answers: output or an error at the author's TS line, with logs and what it used. */
export interface ScriptRunResult {
  ok: boolean;
  output?: unknown;
  error?: { code: string; message: string; line?: number; column?: number; stack?: string };
  logs: ScriptLogLine[];
  logsTruncated: boolean;
  durationMs: number;
  cpuMs: number;
  memoryBytes: number;
  sdkCalls: number;
}

export interface ScriptRunRecord {
  id: string;
  script: string;
  version: number | null;
  trigger: string;
  triggeredBy: string | null;
  startedAt: string;
  durationMs: number;
  cpuMs: number;
  memoryBytes: number;
  sdkCalls: number;
  outcome: string;
  error: { code: string; message: string; line?: number; column?: number } | null;
  logs: ScriptLogLine[];
  logsTruncated: boolean;
}

export interface SecretSummary {
  name: string;
  description: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** A published form with the published data type it edits (bodies as the runtime's FormBody / EntityBody). */
export interface PublishedForm {
  form: { key: string; version: number; body: unknown };
  entity: { key: string; version: number; body: unknown };
}

export interface FormSubmitResult {
  record: RecordItem;
  /** On-submit actions in order; a failed one is reported here, the record stays saved. */
  actions: { type: string; ok: boolean; message?: string }[];
}

/** What a saved list view remembers: columns shown and the records-list parameters. */
export interface ViewState {
  columns: string[];
  /** `field:op:value`, as {@link RecordQuery.filter}. */
  filters: string[];
  sort?: string;
  q?: string;
}

export interface SavedView {
  id: string;
  entity: string;
  name: string;
  /** Seen by every staff member; only the owner changes it. */
  shared: boolean;
  /** Whether the caller owns it. */
  mine: boolean;
  owner: { id: string; name: string };
  state: ViewState;
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewInput {
  entity: string;
  name: string;
  shared?: boolean;
  state: ViewState;
}

export interface SavedViewUpdate {
  name: string;
  shared: boolean;
  state: ViewState;
}

/** Text in Russian and optionally English, as definitions carry it. */
export interface LocalText {
  ru: string;
  en?: string;
}

/** A published form of a data type, for screens that pick one by purpose. */
export interface FormSummary {
  key: string;
  version: number;
  purpose: 'create' | 'edit' | 'card' | 'portal';
  title: LocalText | null;
}

/** A published data type, for navigation between the generated work screens. */
export interface RecordType {
  key: string;
  version: number;
  label: LocalText;
  pluralLabel: LocalText | null;
  /** How far each operation reaches for the caller: every record, their own only, or none (hide the button). */
  access: Record<'read' | 'create' | 'update' | 'delete', 'all' | 'own' | 'none'>;
}

/** Records of one type whose relation field points at a given record. */
export interface RelatedGroup {
  entity: string;
  entityLabel: LocalText;
  field: string;
  fieldLabel: LocalText;
  /** The field holds a list of links (filter it with `contains`, not `eq`). */
  many: boolean;
  /** Exact up to 10,000; beyond, 10,000 with `totalCapped`. */
  total: number;
  totalCapped: boolean;
  items: RecordItem[];
}

/** A user as colleagues see them in pickers: no login, roles or e-mail. */
export interface PersonSummary {
  id: string;
  name: string;
}
