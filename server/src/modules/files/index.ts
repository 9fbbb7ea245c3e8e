import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { fileAttachCheck } from './file-attach-check.js';
import { fileRoutes } from './file-routes.js';
import { FileService } from './file-service.js';

/** Uploads into records' file fields; a record save may attach only files its author uploaded. */
export const filesModule = fp(
  async (app) => {
    const files = new FileService(
      app.db,
      app.definitions,
      app.fileStore,
      app.settings.fileMaxMb,
      app.records.access,
    );
    app.records.addSaveCheck(fileAttachCheck(app.db, app.records.access));
    await app.register(fileRoutes, { prefix: apiPrefix, files });
  },
  { name: 'files', dependencies: ['records'] },
);
