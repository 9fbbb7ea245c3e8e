import type { OporaClient } from './client.js';
import type {
  Announcement,
  AnnouncementInput,
  MyRequest,
  MyRequestDetail,
  PortalAsset,
  PortalFormSubmitResult,
  PortalNotification,
  PortalSite,
  PublishedPage,
  PublishedTree,
  SignupInput,
  TreeStats,
  Walk,
  WalkEventInput,
} from './portal-types.js';
import type { Page, PublishedForm, Session } from './types.js';

const enc = encodeURIComponent;

/** The self-service portal: site and pages, question trees, portal forms, client accounts, announcements. */
export class PortalApi {
  constructor(private readonly client: OporaClient) {}

  site(): Promise<PortalSite> {
    return this.client.request('GET', '/portal/site');
  }
  /** The published page at a path ('/' is the home page); 404 when none or not for the caller. */
  page(path: string): Promise<PublishedPage> {
    return this.client.request('GET', '/portal/pages', { query: { path } });
  }
  /** Uploads an image for the portal (logo); admins only. */
  uploadAsset(file: Blob, name?: string): Promise<PortalAsset> {
    const form = new FormData();
    form.append('file', file, name ?? (file as { name?: string }).name ?? 'file');
    return this.client.request('POST', '/portal/assets', { form });
  }
  assetUrl(id: string): string {
    return `/api/v1/portal/assets/${enc(id)}`;
  }

  /** The chat widget channel the portal shows on its pages (`null`: no chat). */
  widgetChannel(): Promise<{ key: string | null }> {
    return this.client.request('GET', '/widget-channels/portal');
  }

  // --- question trees ---
  tree(key: string): Promise<PublishedTree> {
    return this.client.request('GET', `/portal/trees/${enc(key)}`);
  }
  /** Starts recording a walk, optionally at a shared path (the longest valid beginning is taken). */
  startWalk(tree: string, path: string[] = []): Promise<Walk> {
    return this.client.request('POST', `/portal/trees/${enc(tree)}/walks`, { body: { path } });
  }
  walkEvent(walkId: string, event: WalkEventInput): Promise<Walk> {
    return this.client.request('POST', `/portal/walks/${enc(walkId)}/events`, { body: event });
  }
  /** Per-node use of a tree, for the designer (staff). */
  treeStats(key: string): Promise<TreeStats> {
    return this.client.request('GET', `/trees/${enc(key)}/stats`);
  }

  // --- portal forms (ФОС) ---
  /** A published form of purpose `portal`, with its data type. */
  form(key: string): Promise<PublishedForm> {
    return this.client.request('GET', `/portal/forms/${enc(key)}`);
  }
  submitForm(key: string, data: Record<string, unknown>): Promise<PortalFormSubmitResult> {
    return this.client.request('POST', `/portal/forms/${enc(key)}/submit`, { body: { data } });
  }

  // --- client accounts ---
  /** Creates a client account and signs it in (like login). */
  async signup(input: SignupInput): Promise<Session> {
    return this.client.adoptSession(
      await this.client.request<Session>('POST', '/portal/signup', { body: input }),
    );
  }
  myRequests(query: { limit?: number; offset?: number } = {}): Promise<Page<MyRequest>> {
    return this.client.request('GET', '/portal/my/requests', { query });
  }
  myRequest(id: string): Promise<MyRequestDetail> {
    return this.client.request('GET', `/portal/my/requests/${enc(id)}`);
  }
  notifications(
    query: { limit?: number; offset?: number; unread?: boolean } = {},
  ): Promise<Page<PortalNotification> & { unread: number }> {
    return this.client.request('GET', '/portal/my/notifications', { query });
  }
  /** Marks the given notifications read, or all of them without ids. */
  markRead(ids?: string[]): Promise<void> {
    return this.client.request('POST', '/portal/my/notifications/read', { body: ids ? { ids } : {} });
  }
  /** Address of the live connection (WebSocket) for the signed-in user. */
  liveUrl(origin: string): string {
    return `${origin.replace(/^http/, 'ws')}/api/v1/portal/live`;
  }

  // --- announcements ---
  /** Announcements active now (for the banner) or, with `includePast`, the recent ones too. */
  announcements(query: { includePast?: boolean; limit?: number } = {}): Promise<{ items: Announcement[] }> {
    return this.client.request('GET', '/portal/announcements', { query });
  }
  listAnnouncements(query: { limit?: number; offset?: number } = {}): Promise<Page<Announcement>> {
    return this.client.request('GET', '/announcements', { query });
  }
  createAnnouncement(input: AnnouncementInput): Promise<Announcement> {
    return this.client.request('POST', '/announcements', { body: input });
  }
  updateAnnouncement(id: string, input: AnnouncementInput): Promise<Announcement> {
    return this.client.request('PUT', `/announcements/${enc(id)}`, { body: input });
  }
  deleteAnnouncement(id: string): Promise<void> {
    return this.client.request('DELETE', `/announcements/${enc(id)}`);
  }
}
