import { type PageBody, type PortalBody, portalKey } from '@opora/runtime/definitions';
import type { PortalSite, PublishedPage } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import { staff } from '../auth/roles.js';
import { publishedOfKind } from '../definitions/published-of-kind.js';

type Viewer = 'anonymous' | 'client' | 'staff';

const viewerOf = (actor: Actor | null): Viewer =>
  !actor ? 'anonymous' : actor.roles.some((r) => staff.includes(r)) ? 'staff' : 'client';

/** The published portal (branding, menu, home page) and its pages, as each visitor may see them. */
export class SiteService {
  constructor(private readonly db: Database) {}

  async site(): Promise<PortalSite> {
    const portal = (await publishedOfKind(this.db, 'portal')).find((p) => p.key === portalKey);
    return { body: portal?.body ?? null, version: portal?.version ?? null };
  }

  /**
   * The page at a path: `/` is the portal's home page (or the page whose path is `/`). A page the caller may not
   * see answers 401 to visitors (they might sign in) and 404 to everyone else.
   */
  async page(path: string, actor: Actor | null): Promise<PublishedPage> {
    const pages = await publishedOfKind(this.db, 'page');
    const home = path === '/' ? ((await this.site()).body as PortalBody | null)?.homePage : undefined;
    const found =
      (home ? pages.find((p) => p.key === home) : undefined) ??
      pages.find((p) => (p.body as PageBody).path === path);
    if (!found) throw fail.notFound(`page ${path}`);
    const audience = (found.body as PageBody).audience;
    const viewer = viewerOf(actor);
    if (audience && !audience.includes(viewer))
      throw viewer === 'anonymous' ? fail.unauthorized() : fail.notFound(`page ${path}`);
    return { key: found.key, version: found.version, body: found.body };
  }
}
