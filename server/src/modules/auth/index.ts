import fp from 'fastify-plugin';
import { createMailer, type Mailer } from '../../adapters/mail/index.js';
import { apiPrefix } from '../../http/http-platform.js';
import { registerAccessControl } from './access-control.js';
import { AccountTokens } from './account-tokens.js';
import { IdentityService } from './identity-service.js';
import { PasswordReset, passwordResetJob } from './password-reset.js';
import { passwordResetRoutes } from './password-reset-routes.js';
import { sessionRoutes } from './session-routes.js';
import { tokenRoutes } from './token-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    identity: IdentityService;
    /** Outgoing mail (SMTP_URL, or the log in development); send it from a job. */
    mailer: Mailer;
    /** One-time links sent by mail (password reset, e-mail confirmation). */
    accountTokens: AccountTokens;
  }
}

/**
 * Sessions, API tokens, password reset by mail and access control. Registered before every other module: its
 * onRoute hook checks that each route declares who may call it, and its onRequest hook resolves the caller.
 */
export const authModule = fp(
  async (app) => {
    const identity = new IdentityService(app.db, app.settings.sessionTtlHours, app.clock);
    app.decorate('identity', identity);
    app.addHook('onReady', () => identity.start(app.log));
    app.addHook('onClose', () => identity.stop());
    registerAccessControl(app, identity);
    await app.register(sessionRoutes, {
      prefix: apiPrefix,
      identity,
      secureCookies: app.settings.secureCookies,
      loginRateLimit: app.settings.loginRateLimit,
    });
    await app.register(tokenRoutes, { prefix: apiPrefix, db: app.db, identity });
    const mailer = createMailer(app.settings.smtpUrl, app.log);
    const tokens = new AccountTokens(app.db, app.clock);
    app.decorate('mailer', mailer);
    app.decorate('accountTokens', tokens);
    const reset = new PasswordReset({ db: app.db, queue: app.jobQueue, tokens, mailer, identity });
    app.jobWorker.registerHandler(passwordResetJob, reset.sendMail);
    const loginLimit = app.settings.loginRateLimit;
    await app.register(passwordResetRoutes, {
      prefix: apiPrefix,
      reset,
      publicUrl: app.settings.publicUrl,
      perIpLimit: loginLimit,
      perAccountLimit: Math.max(1, Math.ceil(loginLimit / 2)),
    });
    app.recurringJobs.add('sessions.purge-expired', '17 3 * * *', async (_payload, { em }) => {
      await app.db.query('delete from session where expires_at < now()', [], em);
    });
    // Used or expired links are kept a day (a support question about one can still be answered), then go.
    app.recurringJobs.add('account-tokens.purge-expired', '27 3 * * *', async (_payload, { em }) => {
      await app.db.query("delete from account_token where expires_at < now() - interval '1 day'", [], em);
    });
  },
  { name: 'auth', dependencies: ['adapters', 'http-platform'] },
);
