import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../db/database.js';

export const productVersion = '0.1.0';

export const infoRoutes: FastifyPluginAsyncTypebox<{ db: Database; timeZone: string }> = async (
  app,
  { db, timeZone },
) => {
  app.get(
    '/info',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Product name, version, database kind and the organisation time zone forms compute in',
        response: {
          200: Type.Object({
            name: Type.String(),
            version: Type.String(),
            database: Type.String(),
            locales: Type.Array(Type.String()),
            timeZone: Type.String(),
          }),
        },
      },
    },
    async () => ({
      name: 'Opora',
      version: productVersion,
      database: db.kind,
      locales: ['ru', 'en'],
      timeZone,
    }),
  );
};
