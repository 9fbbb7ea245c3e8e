import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { SecretCipher } from './secret-cipher.js';
import { secretRoutes } from './secret-routes.js';
import { SecretService } from './secret-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    secrets: SecretService;
  }
}

/** Passwords and tokens of external systems, encrypted at rest, write-only over the API. */
export const secretsModule = fp(
  async (app) => {
    const key = app.settings.secretsKey;
    const secrets = new SecretService(app.db, key ? SecretCipher.fromPassphrase(key) : undefined);
    app.decorate('secrets', secrets);
    await app.register(secretRoutes, { prefix: apiPrefix, secrets });
  },
  { name: 'secrets', dependencies: ['auth'] },
);
