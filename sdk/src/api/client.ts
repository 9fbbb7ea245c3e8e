import { AnswerTemplatesApi } from './answer-templates-api.js';
import { ApiError } from './api-error.js';
import { BotsApi } from './bots-api.js';
import { ConversationsApi } from './conversations-api.js';
import { DistributionApi } from './distribution-api.js';
import { KbApi } from './kb-api.js';
import { PortalApi } from './portal-api.js';
import { SupervisorApi } from './supervisor-api.js';
import { ThreadApi } from './thread-api.js';
import type {
  ApiToken,
  AuditEntry,
  CursorPage,
  Definition,
  DefinitionInput,
  DefinitionQuery,
  DefinitionSummary,
  DefinitionUpdate,
  DefinitionVersion,
  DefinitionVersionSummary,
  FileRef,
  FormSubmitResult,
  FormSummary,
  ImportReport,
  Locale,
  Page,
  PersonSummary,
  PublishedForm,
  RecordItem,
  RecordQuery,
  RecordType,
  RelatedGroup,
  Role,
  SavedView,
  SavedViewInput,
  SavedViewUpdate,
  ScriptLimitsInput,
  ScriptRunRecord,
  ScriptRunResult,
  SecretSummary,
  ServerInfo,
  Session,
  User,
} from './types.js';

export interface ClientOptions {
  /** Origin of the server, e.g. 'http://localhost:3000'; '' for same-origin browser use. */
  baseUrl?: string;
  /** API token for integrations (sent as a Bearer token; no cookies, no CSRF). */
  token?: string;
  locale?: Locale;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

/** Typed client of the Opora REST API, used by the designer, the portal and integrations alike. */
export class OporaClient {
  private csrfToken: string | undefined;
  private readonly baseUrl: string;
  private readonly doFetch: typeof fetch;
  locale: Locale;
  /** The knowledge base: articles, categories, search. */
  readonly kb = new KbApi(this);
  /** The self-service portal: pages, question trees, forms, client accounts, announcements. */
  readonly portal = new PortalApi(this);
  /** Conversations of every channel, for the contact centre's screens. */
  readonly conversations = new ConversationsApi(this);
  /** Answer templates for the operator's composer. */
  readonly answerTemplates = new AnswerTemplatesApi(this);
  /** Operators' status and the dialog queues: take, transfer, return. */
  readonly distribution = new DistributionApi(this);
  /** A dialog's bot session: what it collected, handing the dialog back to it. */
  readonly bots = new BotsApi(this);
  /** Requests' threads with the client: the request card's and «Мои обращения». */
  readonly threads = new ThreadApi(this);
  /** The supervisor's live board and assigning dialogs to operators. */
  readonly supervisor = new SupervisorApi(this);

  constructor(private readonly options: ClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.locale = options.locale ?? 'ru';
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
  }

  // --- auth ---
  async login(login: string, password: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/auth/login', { body: { login, password } }));
  }
  async me(): Promise<Session> {
    return this.remember(await this.request<Session>('GET', '/auth/me'));
  }
  async logout(): Promise<void> {
    await this.request('POST', '/auth/logout');
    this.csrfToken = undefined;
  }
  /** Changes the signed-in user's password; their other sessions end, this one stays. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.request('POST', '/auth/password', { body: { currentPassword, newPassword } });
  }

  // --- users and tokens ---
  listUsers(query: { q?: string; limit?: number; offset?: number } = {}): Promise<Page<User>> {
    return this.request('GET', '/users', { query });
  }
  createUser(input: {
    login: string;
    name: string;
    email?: string;
    password: string;
    roles: Role[];
  }): Promise<User> {
    return this.request('POST', '/users', { body: input });
  }
  updateUser(
    id: string,
    patch: Partial<{
      name: string;
      email: string | null;
      password: string;
      roles: Role[];
      active: boolean;
      locale: Locale;
    }>,
  ): Promise<User> {
    return this.request('PATCH', `/users/${enc(id)}`, { body: patch });
  }
  listTokens(): Promise<{ items: ApiToken[] }> {
    return this.request('GET', '/tokens');
  }
  createToken(name: string): Promise<{ token: string; item: ApiToken }> {
    return this.request('POST', '/tokens', { body: { name } });
  }
  deleteToken(id: string): Promise<void> {
    return this.request('DELETE', `/tokens/${enc(id)}`);
  }

  // --- definitions ---
  listDefinitions(query: DefinitionQuery = {}): Promise<Page<DefinitionSummary>> {
    return this.request('GET', '/definitions', { query: { ...query } });
  }
  getDefinition(id: string): Promise<Definition> {
    return this.request('GET', `/definitions/${enc(id)}`);
  }
  createDefinition(input: DefinitionInput): Promise<Definition> {
    return this.request('POST', '/definitions', { body: input });
  }
  updateDefinition(id: string, update: DefinitionUpdate): Promise<Definition> {
    return this.request('PUT', `/definitions/${enc(id)}`, { body: update });
  }
  deleteDefinition(id: string, draftVersion: number): Promise<void> {
    return this.request('DELETE', `/definitions/${enc(id)}`, { query: { draftVersion } });
  }
  publishDefinition(id: string, draftVersion: number): Promise<DefinitionVersion> {
    return this.request('POST', `/definitions/${enc(id)}/publish`, { body: { draftVersion } });
  }
  archiveDefinition(id: string): Promise<Definition> {
    return this.request('POST', `/definitions/${enc(id)}/archive`);
  }
  listVersions(id: string): Promise<{ items: DefinitionVersionSummary[] }> {
    return this.request('GET', `/definitions/${enc(id)}/versions`);
  }
  getVersion(id: string, version: number): Promise<DefinitionVersion> {
    return this.request('GET', `/definitions/${enc(id)}/versions/${version}`);
  }
  getPublished(kind: string, key: string): Promise<DefinitionVersion> {
    return this.request('GET', `/published/${enc(kind)}/${enc(key)}`);
  }
  exportBundle(query: { ids?: string[]; kind?: string; knowledgeBase?: boolean } = {}): Promise<unknown> {
    return this.request('GET', '/bundles/export', {
      query: { kind: query.kind, ids: query.ids?.join(','), knowledgeBase: query.knowledgeBase },
    });
  }
  importBundle(bundle: unknown): Promise<ImportReport> {
    return this.request('POST', '/bundles/import', { body: bundle });
  }

  // --- records ---
  listRecords(entity: string, query: RecordQuery = {}): Promise<CursorPage<RecordItem>> {
    return this.request('GET', `/records/${enc(entity)}`, { query: { ...query } });
  }
  getRecord(entity: string, id: string): Promise<RecordItem> {
    return this.request('GET', `/records/${enc(entity)}/${enc(id)}`);
  }
  createRecord(entity: string, data: Record<string, unknown>): Promise<RecordItem> {
    return this.request('POST', `/records/${enc(entity)}`, { body: { data } });
  }
  updateRecord(
    entity: string,
    id: string,
    version: number,
    data: Record<string, unknown>,
  ): Promise<RecordItem> {
    return this.request('PATCH', `/records/${enc(entity)}/${enc(id)}`, { body: { version, data } });
  }
  deleteRecord(entity: string, id: string, version: number): Promise<void> {
    return this.request('DELETE', `/records/${enc(entity)}/${enc(id)}`, { query: { version } });
  }
  recordAudit(
    entity: string,
    id: string,
    query: { limit?: number; offset?: number; after?: string } = {},
  ): Promise<Page<AuditEntry> & { totalCapped: boolean; nextCursor: string | null }> {
    return this.request('GET', `/records/${enc(entity)}/${enc(id)}/audit`, { query });
  }

  // --- scripts, secrets, integrations ---
  testRunScript(input: {
    source: string;
    input?: unknown;
    integrations?: string[];
    limits?: Partial<ScriptLimitsInput>;
  }): Promise<ScriptRunResult> {
    return this.request('POST', '/scripts/test-run', { body: input });
  }
  runScript(key: string, input: unknown): Promise<ScriptRunResult & { runId: string; version: number }> {
    return this.request('POST', `/scripts/${enc(key)}/run`, { body: { input } });
  }
  listScriptRuns(
    query: { script?: string; outcome?: string; limit?: number; offset?: number } = {},
  ): Promise<Page<ScriptRunRecord>> {
    return this.request('GET', '/scripts/runs', { query });
  }
  listSecrets(q?: string): Promise<{ items: SecretSummary[] }> {
    return this.request('GET', '/secrets', { query: { q } });
  }
  setSecret(name: string, value: string, description?: string): Promise<SecretSummary> {
    return this.request('PUT', `/secrets/${enc(name)}`, { body: { value, description } });
  }
  deleteSecret(name: string): Promise<void> {
    return this.request('DELETE', `/secrets/${enc(name)}`);
  }

  // --- forms ---
  getForm(key: string): Promise<PublishedForm> {
    return this.request('GET', `/forms/${enc(key)}`);
  }
  /** Creates a record through the form, or updates one with recordId + version; field problems come back as 400. */
  submitForm(
    key: string,
    input: { data: Record<string, unknown>; recordId?: string; version?: number },
  ): Promise<FormSubmitResult> {
    return this.request('POST', `/forms/${enc(key)}/submit`, { body: input });
  }

  // --- generated work screens ---
  /** Published forms of a data type (key, purpose, title), to pick the create/edit/card form. */
  listForms(entity: string): Promise<{ items: FormSummary[] }> {
    return this.request('GET', '/forms', { query: { entity } });
  }
  listRecordTypes(): Promise<{ items: RecordType[] }> {
    return this.request('GET', '/record-types');
  }
  /** Records of other types whose relation fields point at this one, grouped by type and field. */
  relatedRecords(
    entity: string,
    id: string,
    query: { limit?: number } = {},
  ): Promise<{ items: RelatedGroup[] }> {
    return this.request('GET', `/records/${enc(entity)}/${enc(id)}/related`, { query });
  }
  /** Colleagues by name (`q`) or by id, for user fields. */
  lookupUsers(query: { q?: string; ids?: string[]; limit?: number }): Promise<{ items: PersonSummary[] }> {
    return this.request('GET', '/users/lookup', { query: { ...query } });
  }
  listViews(entity: string): Promise<{ items: SavedView[] }> {
    return this.request('GET', '/views', { query: { entity } });
  }
  createView(input: SavedViewInput): Promise<SavedView> {
    return this.request('POST', '/views', { body: input });
  }
  updateView(id: string, update: SavedViewUpdate): Promise<SavedView> {
    return this.request('PUT', `/views/${enc(id)}`, { body: update });
  }
  deleteView(id: string): Promise<void> {
    return this.request('DELETE', `/views/${enc(id)}`);
  }

  // --- files ---
  /**
   * Uploads a file into a file field of a published data type; put the returned reference into the record's
   * field value. The field's `maxSizeMb` and `accept` apply (413 / 415 otherwise).
   */
  uploadFile(entity: string, field: string, file: Blob, name?: string): Promise<FileRef> {
    const form = new FormData();
    // entity and field go first: the server decides the limits from them before reading the file.
    form.append('entity', entity);
    form.append('field', field);
    form.append('file', file, name ?? (file as { name?: string }).name ?? 'file');
    return this.request('POST', '/files', { form });
  }
  /** Address of a file's content, for links and <img> in a signed-in browser (the session cookie goes along). */
  fileUrl(id: string): string {
    return `${this.baseUrl}/api/v1/files/${enc(id)}`;
  }

  info(): Promise<ServerInfo> {
    return this.request('GET', '/info');
  }

  /**
   * Low-level call under /api/v1 (a JSON `body`, a multipart `form`, or a `text` of its own content type such as
   * a BPMN file); throws {@link ApiError} on any non-2xx answer.
   */
  async request<T = unknown>(
    method: string,
    path: string,
    init: { body?: unknown; query?: Query; form?: FormData; text?: { content: string; type: string } } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': this.locale };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.text) headers['content-type'] = init.text.type;
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    else if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.doFetch(`${this.baseUrl}/api/v1${path}${toQueryString(init.query)}`, {
      method,
      headers,
      credentials: 'include',
      // A FormData body sets its own multipart content type and boundary.
      body:
        init.form ?? init.text?.content ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) throw new ApiError(response.status, parsed as never);
    return parsed as T;
  }

  /** Keeps the CSRF token of a session another call opened (e.g. a portal sign-up). */
  adoptSession(session: Session): Session {
    return this.remember(session);
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Arrays become repeated parameters (`filter=a&filter=b`), as the server's query schemas expect. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
