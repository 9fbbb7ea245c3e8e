import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { recordRoutes } from './record-routes.js';
import { RecordService } from './record-service.js';
import { RecordTypes } from './record-types.js';
import { RelatedRecords } from './related-records.js';
import { relatedRoutes } from './related-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    records: RecordService;
  }
}

/**
 * Records of every published data type. Other modules hook into saves through `app.records`
 * (addSaveCheck: refuse inside the transaction; onSaved: react after commit).
 */
export const recordsModule = fp(
  async (app) => {
    const records = new RecordService(app.db, app.definitions, app.clock);
    app.decorate('records', records);
    await app.register(recordRoutes, { prefix: apiPrefix, records });
    const types = new RecordTypes(app.db);
    await app.register(relatedRoutes, {
      prefix: apiPrefix,
      types,
      related: new RelatedRecords(types, records),
    });
  },
  { name: 'records', dependencies: ['definitions'] },
);
