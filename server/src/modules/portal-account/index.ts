import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { accountRoutes } from './account-routes.js';
import { EmailConfirmation, emailConfirmJob } from './email-confirmation.js';
import { emailConfirmationRoutes } from './email-confirmation-routes.js';
import { MyRequests } from './my-requests.js';
import { NotificationService } from './notification-service.js';
import { portalFormRoutes } from './portal-form-routes.js';
import { requestListener } from './request-listener.js';
import { SignupService } from './signup-service.js';

/**
 * Portal clients: sign-up with e-mail confirmation (which brings in the requests they sent anonymously from
 * that address), «Мои обращения», portal forms and notifications. Whoever changes a client's request,
 * the client is notified and their open pages updated (through the live hub, fanned out via NOTIFY).
 */
export const portalAccountModule = fp(
  async (app) => {
    const { db, definitions, records, settings } = app;
    const notifications = new NotificationService(db);
    records.onSaved(requestListener({ db, definitions, notifications, hub: app.liveHub }));
    // The portal's anonymous writes are limited like sign-in (tests raise loginRateLimit for all of them).
    const loginLimit = settings.loginRateLimit;
    const confirmation = new EmailConfirmation({
      db,
      clock: app.clock,
      queue: app.jobQueue,
      tokens: app.accountTokens,
      mailer: app.mailer,
      definitions,
      records,
    });
    app.jobWorker.registerHandler(emailConfirmJob, confirmation.sendMail);
    const signup = new SignupService({
      db,
      definitions,
      records,
      identity: app.identity,
      clock: app.clock,
      confirmation,
    });
    await app.register(accountRoutes, {
      prefix: apiPrefix,
      signup,
      identity: app.identity,
      requests: new MyRequests(db, definitions),
      notifications,
      secureCookies: settings.secureCookies,
      signupRateLimit: Math.max(5, Math.floor(loginLimit / 2)),
      publicUrl: settings.publicUrl,
    });
    await app.register(emailConfirmationRoutes, {
      prefix: apiPrefix,
      confirmation,
      publicUrl: settings.publicUrl,
      rateLimit: Math.max(5, Math.floor(loginLimit / 2)),
    });
    await app.register(portalFormRoutes, {
      prefix: apiPrefix,
      db,
      forms: app.forms,
      definitions,
      submitRateLimit: Math.max(10, loginLimit),
    });
  },
  { name: 'portal-account', dependencies: ['forms'] },
);
