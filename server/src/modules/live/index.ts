import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { liveRoutes } from './live-routes.js';

/** The WebSocket through which portal clients see their requests change live. */
export const liveModule = fp(
  async (app) => {
    await app.register(liveRoutes, { prefix: apiPrefix, hub: app.liveHub, identity: app.identity });
  },
  { name: 'live', dependencies: ['auth'] },
);
