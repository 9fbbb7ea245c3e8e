import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { productVersion } from '../modules/system/info-routes.js';
import { registerErrorHandler } from './error-handler.js';
import { rateLimitOptions } from './rate-limit.js';
import { registerRequestEdge } from './request-edge.js';
import { registerSecurityHeaders } from './security-headers.js';

/**
 * What every route stands on, registered before any route: the one error handler, the request edge (JSON body
 * parser, NUL check of params), cookies, WebSocket upgrades
 * (so upgrades reach the WebSocket routes and are refused elsewhere), per-route rate limits and the OpenAPI
 * document (it collects routes as they are added).
 */
export const httpPlatform = fp(
  async (app: FastifyInstance) => {
    registerErrorHandler(app);
    registerRequestEdge(app);
    await app.register(fastifyCookie);
    registerSecurityHeaders(app); // after the cookie plugin, so its onSend has written Set-Cookie
    await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
    await app.register(fastifyRateLimit, rateLimitOptions);
    await app.register(fastifySwagger, {
      openapi: {
        info: {
          title: 'Opora API',
          version: productVersion,
          description: 'REST API of the Opora support platform',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'opora_session' },
            bearer: { type: 'http', scheme: 'bearer' },
          },
        },
      },
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  },
  { name: 'http-platform' },
);

/** Every API route lives under this prefix; health and the UIs sit outside it. */
export const apiPrefix = '/api/v1';
