import type { FastifyInstance } from 'fastify';
import { refusal } from './json/json-body.js';
import { pointerToken, textFault } from './json/json-value-fault.js';

/**
 * Path parameters and query strings arrive percent-decoded, so `%00` is a NUL like `\u0000` in a body: text the
 * database cannot store is refused here for every route, as the JSON body parser refuses it in bodies.
 */
export function registerRequestTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, querystring: request.query } as Record<string, unknown>;
    for (const [part, values] of Object.entries(parts)) {
      if (!values || typeof values !== 'object') continue;
      for (const [name, value] of Object.entries(values)) {
        const texts = [name, ...(Array.isArray(value) ? value : [value])];
        const problem = texts.map((t) => (typeof t === 'string' ? textFault(t) : null)).find(Boolean);
        if (problem)
          throw refusal(
            'invalid_text',
            problem === 'nul' ? 'text_nul' : 'text_lone_surrogate',
            `/${part}/${pointerToken(name)}`,
          );
      }
    }
  });
}
