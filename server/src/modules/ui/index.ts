import fp from 'fastify-plugin';
import { registerNotFound } from '../../http/error-handler.js';
import { describePortalPage } from '../portal-pages/page-meta.js';
import { registerUiApps, type UiRoots } from './ui-apps.js';

/**
 * The built designer and portal, and what unknown URLs answer: the single-page apps' client-side routes first,
 * else a JSON 404. Registered last (`serve: false` in tests that have no built UIs to serve).
 */
export const uiModule = fp(
  async (app, { serve, roots }: { serve: boolean; roots?: UiRoots | undefined }) => {
    const fallback = serve
      ? await registerUiApps(app, describePortalPage(app.kb, app.site), roots)
      : undefined;
    registerNotFound(app, fallback);
  },
  { name: 'ui', dependencies: ['kb', 'portal-pages'] },
);
