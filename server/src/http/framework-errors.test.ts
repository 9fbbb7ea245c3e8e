import { connect } from 'node:net';
import Fastify, { errorCodes, type FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { answerClientError, frameworkError } from './framework-errors.js';

describe('framework errors', () => {
  it('maps every client error Fastify can raise to our own code (a new Fastify version adding one fails here)', () => {
    const clientErrors = Object.entries(errorCodes)
      .map(([code, Constructor]) => {
        const error = new (Constructor as unknown as new (...a: string[]) => FastifyError)('a', 'b', 'c');
        return { code, status: error.statusCode ?? 500, error };
      })
      .filter(({ status }) => status < 500);
    expect(clientErrors.length).toBeGreaterThan(5);
    for (const { code, error } of clientErrors) {
      const rendered = frameworkError(error);
      expect(rendered, code).not.toBeNull();
      expect(rendered!.code, code).not.toBe('bad_request');
    }
    // Fastify's own 500s stay ours to fix.
    expect(frameworkError(new errorCodes.FST_ERR_REP_ALREADY_SENT('a', 'b'))).toBeNull();
  });

  it('answers HTTP it cannot even parse in our shape', async () => {
    const app = Fastify({ logger: false, clientErrorHandler: answerClientError });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as { port: number };
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        socket.on('data', (chunk) => {
          text += chunk.toString();
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        error: { code: 'bad_request', message: 'Некорректный запрос', details: [] },
      });
    } finally {
      await app.close();
    }
  });
});
