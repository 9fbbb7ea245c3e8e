/**
 * The script SDK as TypeScript declarations: the server type-checks scripts against this text at publish and
 * the designer loads it into Monaco, so authors and the publish check see exactly the same API.
 * Keep it in step with runtime/src/scripts/guest-bootstrap.ts, which implements it inside the sandbox.
 */
export const scriptSdkDeclarations = `
/** A record of a data type, as the records API returns it. */
interface OporaRecord<Data = Record<string, unknown>> {
  id: string;
  entity: string;
  /** Sequential number shown to people (e.g. the request number). */
  number: number;
  title: string;
  data: Data;
  /** Pass it back to update or delete: a stale version is refused. */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

interface RecordPage<Data = Record<string, unknown>> {
  items: OporaRecord<Data>[];
  /** Exact up to 10,000; beyond, 10,000 with totalCapped. */
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
  /** Pass as after for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as before for the previous page; null on the first page. */
  prevCursor: string | null;
}

interface RecordQuery {
  /** Full-text search. */
  q?: string;
  /** Each as "field:op:value"; op is eq, ne, lt, lte, gt, gte, contains, in (a|b|c) or empty (true/false). */
  filter?: string[];
  /** A field key or createdAt/updatedAt/number; "-" in front for descending. */
  sort?: string;
  limit?: number;
  offset?: number;
  /** A page's nextCursor: the records after it. */
  after?: string;
  /** A page's prevCursor: the records before it. */
  before?: string;
}

/** Stands for a secret's value; the gateway puts the value in when the request leaves. It cannot be read. */
interface SecretHandle {
  readonly $secret: string;
}

/** A header value: text, a secret, or parts joined together, e.g. ["Bearer ", ctx.secret("crm_token")]. */
type HeaderValue = string | SecretHandle | Array<string | SecretHandle>;

interface HttpRequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers?: Record<string, HeaderValue>;
  /** Query parameters appended to the URL. */
  query?: Record<string, string | number | boolean>;
  /** A string is sent as is; anything else is sent as JSON (secret handles inside are replaced by their values). */
  body?: unknown;
}

interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON (throws if it is not JSON). */
  json<T = any>(): T;
}

interface ScriptLog {
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
}

/**
 * Records, with the rights of the identity the script runs as; arguments are checked like the records API's
 * (e.g. q at most 500 characters, limit at most 200, at most 20 filters). A run has a few calls under way at
 * once, the rest wait; past the run's SDK call limit a call throws at once instead of returning a promise.
 */
interface ScriptRecords {
  get<Data = Record<string, unknown>>(entity: string, id: string): Promise<OporaRecord<Data>>;
  find<Data = Record<string, unknown>>(entity: string, query?: RecordQuery): Promise<RecordPage<Data>>;
  create<Data = Record<string, unknown>>(entity: string, data: Data): Promise<OporaRecord<Data>>;
  /** Changes only the fields given. */
  update<Data = Record<string, unknown>>(entity: string, id: string, version: number, patch: Partial<Data>): Promise<OporaRecord<Data>>;
  delete(entity: string, id: string, version: number): Promise<void>;
}

interface ScriptHttp {
  /**
   * Calls an integration the script declares: path is relative to the integration's base URL
   * (or an absolute URL on one of its allowed hosts).
   */
  fetch(integration: string, path: string, init?: HttpRequestInit): Promise<HttpResponse>;
}

/** What a script receives: its input and the SDK. Everything crosses the sandbox boundary as a copy. */
interface ScriptContext<Input = any> {
  readonly input: Input;
  readonly log: ScriptLog;
  readonly records: ScriptRecords;
  readonly http: ScriptHttp;
  /** A handle for the named secret, usable in HTTP headers and bodies only. */
  secret(name: string): SecretHandle;
}
`;

/** What a new script starts with in the designer. */
export const scriptStarterSource = `export default async function run(ctx: ScriptContext) {
  ctx.log.info('input', ctx.input);
  return { ok: true };
}
`;
