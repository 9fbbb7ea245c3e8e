import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Clock } from './adapters/clock.js';
import type { HttpGateway } from './adapters/http-gateway/http-gateway.js';
import { adapters } from './adapters/index.js';
import { type AppConfig, settingsFrom } from './app-settings.js';
import type { Database } from './db/database.js';
import { answerError } from './http/error-handler.js';
import { answerClientError } from './http/framework-errors.js';
import { httpPlatform } from './http/http-platform.js';
import { registerStalledRequestWatch } from './http/stalled-requests.js';
import { fastifyTrustProxy } from './http/trust-proxy.js';
import { validatorCompiler } from './http/validation.js';
import { withLogRedaction } from './logging/log-redaction.js';
import { announcementsModule } from './modules/announcements/index.js';
import { answerTemplatesModule } from './modules/answer-templates/index.js';
import { authModule } from './modules/auth/index.js';
import { botsModule } from './modules/bots/index.js';
import { bundlesModule } from './modules/bundles/index.js';
import { contentFilesModule } from './modules/content-files/index.js';
import { conversationsModule } from './modules/conversations/index.js';
import { csatModule } from './modules/csat/index.js';
import { definitionsModule } from './modules/definitions/index.js';
import { dialogSideModule } from './modules/dialog-side/index.js';
import { distributionModule } from './modules/distribution/index.js';
import { entitiesModule } from './modules/entities/index.js';
import { escalationModule } from './modules/escalation/index.js';
import { filesModule } from './modules/files/index.js';
import { formsModule } from './modules/forms/index.js';
import { integrationsModule } from './modules/integrations/index.js';
import { jobsModule } from './modules/jobs/index.js';
import { knowledgeBaseModule } from './modules/kb/index.js';
import { kbReviewModule } from './modules/kb/review/index.js';
import { lineDefinitionsModule } from './modules/line-definitions/index.js';
import { liveModule } from './modules/live/index.js';
import { portalAccountModule } from './modules/portal-account/index.js';
import { portalPagesModule } from './modules/portal-pages/index.js';
import { processesModule } from './modules/processes/index.js';
import { recordsModule } from './modules/records/index.js';
import { requestThreadsModule } from './modules/request-threads/index.js';
import { scriptsModule } from './modules/scripts/index.js';
import { secretsModule } from './modules/secrets/index.js';
import { supervisorModule } from './modules/supervisor/index.js';
import { systemModule } from './modules/system/index.js';
import { treesModule } from './modules/trees/index.js';
import { uiModule } from './modules/ui/index.js';
import type { UiRoots } from './modules/ui/ui-apps.js';
import { usersModule } from './modules/users/index.js';
import { viewsModule } from './modules/views/index.js';
import { widgetModule } from './modules/widget/index.js';
import type { WidgetLimits } from './modules/widget/rate-windows.js';

export interface AppDeps {
  db: Database;
  config: AppConfig;
  /** The gateway scripts and HTTP steps reach the network through; tests pass one with a fake resolver. */
  gateway?: HttpGateway;
  /** The time every module reads; the wall clock unless a test fixes it. */
  clock?: Clock;
  /** pino options or false; tests pass false. Credentials are redacted whatever is given. */
  logger?: boolean | (LoggerOptions & { stream?: DestinationStream });
  serveUi?: boolean;
  /** Where the built SPAs are read from; the repository's designer/dist and portal/dist by default. */
  uiRoots?: UiRoots;
  /** The chat widget's per-visitor and per-address limits; the defaults unless a test or benchmark raises them. */
  widgetLimits?: Partial<WidgetLimits>;
}

/**
 * The feature modules in the order they are registered: each one's `dependencies` name modules above it.
 * A module (`modules/<feature>/index.ts`) registers its routes, services (as decorations), publish checks,
 * record-save hooks and jobs.
 */
const featureModules = [
  systemModule,
  usersModule,
  definitionsModule,
  recordsModule,
  entitiesModule,
  secretsModule,
  integrationsModule,
  scriptsModule,
  formsModule,
  filesModule,
  contentFilesModule,
  knowledgeBaseModule,
  treesModule,
  lineDefinitionsModule,
  portalPagesModule,
  bundlesModule,
  jobsModule,
  viewsModule,
  portalAccountModule,
  conversationsModule,
  answerTemplatesModule,
  csatModule,
  escalationModule,
  dialogSideModule,
  distributionModule,
  supervisorModule,
  processesModule,
  kbReviewModule,
  botsModule,
  requestThreadsModule,
  liveModule,
  announcementsModule,
  widgetModule,
];

/** Builds the whole HTTP application without listening, so tests drive it through `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const settings = settingsFrom(deps.config);
  const app = Fastify({
    logger: withLogRedaction(deps.logger ?? { level: settings.logLevel }),
    trustProxy: fastifyTrustProxy(settings.trustProxy),
    bodyLimit: settings.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false } },
    // Refusals fastify makes before any hook (a malformed URL, unparseable HTTP) answer in the API's shape too.
    frameworkErrors: answerError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  await app.register(adapters, { db: deps.db, settings, gateway: deps.gateway, clock: deps.clock });
  await app.register(httpPlatform);
  registerStalledRequestWatch(app, () => app.db.describeWaits());
  // Before any feature: access control checks every route as it is added.
  await app.register(authModule);
  for (const feature of featureModules)
    await app.register(feature, feature === widgetModule ? { limits: deps.widgetLimits } : {});
  await app.register(uiModule, { serve: deps.serveUi !== false, roots: deps.uiRoots });
  return app;
}

/** Starts this process's share of the background work: recurring schedules stored, jobs claimed. */
export async function startBackgroundWork(app: FastifyInstance): Promise<void> {
  await app.recurringJobs.start();
  await app.telegramPollers.start();
  await app.imapPollers.start();
}

// The modules' decorations of FastifyInstance (app.records, app.scripts…) reach code outside this package (tests,
// benchmarks) through the declaration file of app.ts: these re-exports keep every module in it.
export type {} from './adapters/index.js';
export type {} from './modules/announcements/index.js';
export type {} from './modules/answer-templates/index.js';
export type {} from './modules/auth/index.js';
export type {} from './modules/bots/index.js';
export type {} from './modules/bundles/index.js';
export type {} from './modules/content-files/index.js';
export type {} from './modules/conversations/index.js';
export type {} from './modules/definitions/index.js';
export type {} from './modules/distribution/index.js';
export type {} from './modules/entities/index.js';
export type {} from './modules/files/index.js';
export type {} from './modules/forms/index.js';
export type {} from './modules/integrations/index.js';
export type {} from './modules/jobs/index.js';
export type {} from './modules/kb/index.js';
export type {} from './modules/live/index.js';
export type {} from './modules/portal-account/index.js';
export type {} from './modules/portal-pages/index.js';
export type {} from './modules/records/index.js';
export type {} from './modules/scripts/index.js';
export type {} from './modules/secrets/index.js';
export type {} from './modules/system/index.js';
export type {} from './modules/trees/index.js';
export type {} from './modules/users/index.js';
export type {} from './modules/views/index.js';
export type {} from './modules/widget/index.js';
