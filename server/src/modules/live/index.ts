import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { staffSocketHook } from '../distribution/staff-socket.js';
import { liveRoutes } from './live-routes.js';

/** The WebSocket through which portal clients see their requests change live. */
export const liveModule = fp(
  async (app) => {
    const staffSocket = staffSocketHook({
      db: app.db,
      clock: app.clock,
      hub: app.liveHub,
      lines: app.publishedLines,
      presence: app.operatorPresence,
      log: app.log,
    });
    await app.register(liveRoutes, {
      prefix: apiPrefix,
      hub: app.liveHub,
      identity: app.identity,
      staffSocket,
    });
  },
  { name: 'live', dependencies: ['auth', 'distribution'] },
);
