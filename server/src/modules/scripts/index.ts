import fp from 'fastify-plugin';
import { SandboxPool } from '../../adapters/sandbox/sandbox-pool.js';
import { apiPrefix } from '../../http/http-platform.js';
import { scriptPublishing } from './script-publish.js';
import { scriptRoutes } from './script-routes.js';
import { ScriptService } from './script-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    scripts: ScriptService;
  }
}

/** Sandboxed TypeScript: publishing compiles and type-checks; runs go to the sandbox worker pool. */
export const scriptsModule = fp(
  async (app) => {
    app.definitions.extend('script', scriptPublishing(app.db));
    const scripts = new ScriptService({
      db: app.db,
      hostFactory: () => new SandboxPool({ size: 2 }),
      records: app.records,
      definitions: app.definitions,
      caller: app.integrations,
      maxima: app.settings.scriptMaxima,
      clock: app.clock,
      logFailure: ({ op, error }) => app.log.error({ err: error, op }, 'script SDK call failed'),
    });
    app.decorate('scripts', scripts);
    app.addHook('onClose', () => scripts.close());
    // A listening server boots the sandbox in the background, so the first script run neither waits for it nor
    // times out; apps driven by inject() (tests) start it on first use.
    app.addHook('onListen', () => {
      scripts.warmUp().catch((error: unknown) => app.log.error({ err: error }, 'sandbox warm-up failed'));
    });
    await app.register(scriptRoutes, { prefix: apiPrefix, scripts });
  },
  { name: 'scripts', dependencies: ['records', 'integrations'] },
);
