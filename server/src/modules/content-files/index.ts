import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { contentFileRoutes } from './content-file-routes.js';
import { ContentFileService } from './content-file-service.js';

/** Images and attachments of articles and the portal (at most 50 MB each, whatever FILE_MAX_MB allows). */
export const contentFilesModule = fp(
  async (app) => {
    const files = new ContentFileService(app.db, app.fileStore, Math.min(app.settings.fileMaxMb, 50));
    await app.register(contentFileRoutes, { prefix: apiPrefix, files });
  },
  { name: 'content-files', dependencies: ['auth'] },
);
