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
  total: number;
  limit: number;
  offset: number;
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
  offset?: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: 'create' | 'update' | 'delete' | 'publish' | 'import' | 'archive';
  targetType: 'record' | 'definition' | 'user';
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
