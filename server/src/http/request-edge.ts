import type { FastifyInstance } from 'fastify';
import { registerJsonBody } from './json/json-body.js';
import { registerRequestTextCheck } from './request-text.js';

/** What every request passes before a route sees it: the JSON body parser and the text check of params. */
export function registerRequestEdge(app: FastifyInstance): void {
  registerJsonBody(app);
  registerRequestTextCheck(app);
}
