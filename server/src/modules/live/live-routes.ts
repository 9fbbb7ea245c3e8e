import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { Connection, LiveHub } from '../../adapters/live-hub/live-hub.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import { type IdentityService, sessionCookie } from '../auth/identity-service.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { sameOrigin } from './same-origin.js';

/**
 * `GET /portal/live`: a WebSocket the portal keeps open to hear about its user's requests and notifications
 * (messages: `LiveMessage` in the SDK). Signed in by the session cookie (or a token); the server only talks,
 * whatever the browser sends is ignored.
 */
/** What the contact centre does with a staff member's socket (their presence, their lines' queues). */
export type StaffSocketHook = (actor: Actor, connection: Connection, socket: WebSocket) => void;

export const liveRoutes: FastifyPluginAsync<{
  hub: LiveHub;
  identity: IdentityService;
  staffSocket?: StaffSocketHook;
}> = async (app, { hub, identity, staffSocket }) => {
  app.get(
    '/portal/live',
    {
      websocket: true,
      config: { access: 'authenticated' },
      schema: { tags: ['portal'], summary: 'Live updates for the signed-in user (WebSocket)' },
      // Runs after authentication: a page of another site may not open a socket with this user's cookie.
      onRequest: async (request) => {
        if (!sameOrigin(request.headers.origin, request.host)) throw fail.crossOrigin();
      },
    },
    (socket, request) => {
      const actor = request.actor as Actor;
      const token = request.cookies[sessionCookie];
      // A socket outlives neither a sign-out nor the session's expiry (checked at each heartbeat).
      const stillValid = async () =>
        actor.via !== 'session' || (token !== undefined && (await identity.actorFromSession(token)) !== null);
      const addresses = [liveAddress.user(actor.id)];
      const staff = actor.roles.some((role) => contactCentre.includes(role));
      // Staff hear about every conversation's new messages: the work screen's list and counters stay live.
      if (staff) addresses.push(liveAddress.contactCentre);
      if (actor.roles.some((role) => role === 'supervisor' || role === 'admin'))
        addresses.push(liveAddress.supervisors);
      // A task offered to a role is told to its room: no step looks its holders up to say the inbox changed.
      for (const role of actor.roles) if (role !== 'client') addresses.push(liveAddress.role(role));
      const connection = hub.attach(addresses, socket, stillValid);
      if (staff) staffSocket?.(actor, connection, socket);
    },
  );
};
