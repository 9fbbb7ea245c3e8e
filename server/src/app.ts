import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyWebsocket from '@fastify/websocket';
import { defaultMaxima } from '@opora/runtime/scripts';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { registerErrorHandler, registerNotFound } from './http/error-handler.js';
import { validatorCompiler } from './http/validation.js';
import { HttpGateway } from './integrations/http-gateway.js';
import { JobQueue } from './jobs/index.js';
import { LiveHub } from './live/live-hub.js';
import { liveRoutes } from './live/live-routes.js';
import { announcementRoutes } from './modules/announcements/announcement-routes.js';
import { AnnouncementService } from './modules/announcements/announcement-service.js';
import { auditRoutes } from './modules/audit/audit-routes.js';
import { registerAccessControl } from './modules/auth/access-control.js';
import { IdentityService } from './modules/auth/identity-service.js';
import { sessionRoutes } from './modules/auth/session-routes.js';
import { tokenRoutes } from './modules/auth/token-routes.js';
import { bundleRoutes } from './modules/bundles/bundle-routes.js';
import { BundleService } from './modules/bundles/bundle-service.js';
import { contentFileRoutes } from './modules/content-files/content-file-routes.js';
import { ContentFileService } from './modules/content-files/content-file-service.js';
import { definitionRoutes } from './modules/definitions/definition-routes.js';
import { DefinitionService } from './modules/definitions/definition-service.js';
import { entityPublishing } from './modules/entities/entity-publishing.js';
import { fileAttachCheck } from './modules/files/file-attach-check.js';
import { fileRoutes } from './modules/files/file-routes.js';
import { FileService } from './modules/files/file-service.js';
import { FileStore } from './modules/files/file-store.js';
import { formPublishing } from './modules/forms/form-publishing.js';
import { formRoutes } from './modules/forms/form-routes.js';
import { FormService } from './modules/forms/form-service.js';
import { IntegrationCaller } from './modules/integrations/integration-call.js';
import { integrationRoutes } from './modules/integrations/integration-routes.js';
import { jobRoutes } from './modules/jobs/job-routes.js';
import { createKnowledgeBase, type KnowledgeBase, knowledgeBaseRoutes } from './modules/kb/knowledge-base.js';
import { accountRoutes } from './modules/portal-account/account-routes.js';
import { MyRequests } from './modules/portal-account/my-requests.js';
import { NotificationService } from './modules/portal-account/notification-service.js';
import { portalFormRoutes } from './modules/portal-account/portal-form-routes.js';
import { requestListener } from './modules/portal-account/request-listener.js';
import { SignupService } from './modules/portal-account/signup-service.js';
import { sanitizePageBody } from './modules/portal-pages/page-html.js';
import { describePortalPage } from './modules/portal-pages/page-meta.js';
import { siteRoutes } from './modules/portal-pages/site-routes.js';
import { SiteService } from './modules/portal-pages/site-service.js';
import { recordRoutes } from './modules/records/record-routes.js';
import { RecordService } from './modules/records/record-service.js';
import { RecordTypes } from './modules/records/record-types.js';
import { RelatedRecords } from './modules/records/related-records.js';
import { relatedRoutes } from './modules/records/related-routes.js';
import { scriptPublishing } from './modules/scripts/script-publish.js';
import { scriptRoutes } from './modules/scripts/script-routes.js';
import { ScriptService } from './modules/scripts/script-service.js';
import { SecretCipher } from './modules/secrets/secret-cipher.js';
import { secretRoutes } from './modules/secrets/secret-routes.js';
import { SecretService } from './modules/secrets/secret-service.js';
import { healthRoutes } from './modules/system/health-routes.js';
import { infoRoutes, productVersion } from './modules/system/info-routes.js';
import { treePublishing } from './modules/trees/tree-publishing.js';
import { treeRoutes } from './modules/trees/tree-routes.js';
import { TreeWalks } from './modules/trees/tree-walks.js';
import { registerUiApps } from './modules/ui/ui-apps.js';
import { UserDirectory } from './modules/users/user-directory.js';
import { userLookupRoutes } from './modules/users/user-lookup-routes.js';
import { userRoutes } from './modules/users/user-routes.js';
import { UserService } from './modules/users/user-service.js';
import { viewRoutes } from './modules/views/view-routes.js';
import { ViewService } from './modules/views/view-service.js';
import { SandboxPool } from './scripts/sandbox-pool.js';

export interface AppDeps {
  db: Database;
  config: Pick<Config, 'bodyLimitBytes' | 'secureCookies' | 'sessionTtlHours' | 'logLevel'> &
    Partial<Pick<Config, 'secretsKey' | 'scriptMaxima' | 'timeZone' | 'dataDir' | 'fileMaxMb'>> & {
      loginRateLimit?: number;
    };
  /** The gateway scripts and HTTP steps reach the network through; tests pass one with a fake resolver. */
  gateway?: HttpGateway;
  /** pino options or false; tests pass false. */
  logger?: boolean | object;
  serveUi?: boolean;
}

export interface AppServices {
  identity: IdentityService;
  users: UserService;
  definitions: DefinitionService;
  records: RecordService;
  bundles: BundleService;
  jobs: JobQueue;
  scripts: ScriptService;
  secrets: SecretService;
  integrations: IntegrationCaller;
  forms: FormService;
  kb: KnowledgeBase;
}

/** Builds the whole HTTP application without listening, so tests drive it through `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { services: AppServices }> {
  const { db, config } = deps;
  const timeZone = config.timeZone ?? 'Europe/Moscow';
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  const identity = new IdentityService(db, config.sessionTtlHours);
  const definitions = new DefinitionService(db);
  const records = new RecordService(db, definitions);
  const secrets = new SecretService(
    db,
    config.secretsKey ? SecretCipher.fromPassphrase(config.secretsKey) : undefined,
  );
  const integrations = new IntegrationCaller(definitions, secrets, deps.gateway ?? new HttpGateway());
  definitions.extend('script', scriptPublishing(db));
  definitions.extend('form', formPublishing(definitions));
  definitions.extend('entity', entityPublishing(db));
  definitions.extend('tree', treePublishing(db));
  definitions.cleanOnSave('page', sanitizePageBody);
  const scripts = new ScriptService({
    db,
    hostFactory: () => new SandboxPool({ size: 2 }),
    records,
    definitions,
    caller: integrations,
    maxima: config.scriptMaxima ?? defaultMaxima,
  });
  const kb = createKnowledgeBase(db);
  const site = new SiteService(db);
  const services: AppServices = {
    kb,
    identity,
    users: new UserService(db),
    definitions,
    records,
    bundles: new BundleService(db, definitions, records, kb),
    jobs: new JobQueue(db),
    scripts,
    secrets,
    integrations,
    forms: new FormService({
      definitions,
      records,
      scripts,
      caller: integrations,
      timeZone,
      db,
    }),
  };
  app.addHook('onClose', () => services.scripts.close());
  // Same default as readConfig, for callers that build the app without a full Config.
  const fileStore = new FileStore(join(config.dataDir ?? resolve('./data'), 'files'));
  const files = new FileService(db, definitions, fileStore, config.fileMaxMb ?? 100, records.access);
  records.addSaveCheck(fileAttachCheck(db, records.access));
  const contentFiles = new ContentFileService(db, fileStore, Math.min(config.fileMaxMb ?? 100, 50));
  // Live pushes and notifications to portal clients whoever changes their requests; fanned out via NOTIFY.
  const hub = new LiveHub(db, app.log);
  const notifications = new NotificationService(db);
  records.onSaved(requestListener({ db, definitions, notifications, hub }));
  app.addHook('onReady', () => hub.start());
  app.addHook('onClose', () => hub.stop());

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  // Before any route, so upgrades reach the WebSocket routes and are refused elsewhere; and before access
  // control, so its hooks know a refused upgrade for one and close the socket after answering.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  registerAccessControl(app, identity);
  await app.register(fastifyRateLimit, { global: false });
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

  await app.register(healthRoutes, { db });
  await app.register(
    async (api) => {
      await api.register(sessionRoutes, {
        identity,
        secureCookies: config.secureCookies,
        loginRateLimit: config.loginRateLimit ?? 10,
      });
      await api.register(tokenRoutes, { db, identity });
      await api.register(userRoutes, { users: services.users });
      await api.register(auditRoutes, { db });
      await api.register(infoRoutes, { db, timeZone });
      await api.register(definitionRoutes, { definitions });
      await api.register(recordRoutes, { records });
      await api.register(bundleRoutes, { bundles: services.bundles });
      await api.register(jobRoutes, { queue: services.jobs });
      await api.register(scriptRoutes, { scripts: services.scripts });
      await api.register(secretRoutes, { secrets });
      await api.register(integrationRoutes, { caller: integrations });
      await api.register(formRoutes, { forms: services.forms });
      await api.register(fileRoutes, { files });
      await api.register(userLookupRoutes, { directory: new UserDirectory(db) });
      await api.register(viewRoutes, { views: new ViewService(db, definitions) });
      await api.register(knowledgeBaseRoutes, { kb });
      await api.register(treeRoutes, { walks: new TreeWalks(db) });
      await api.register(siteRoutes, { site });
      await api.register(contentFileRoutes, { files: contentFiles });
      const types = new RecordTypes(db);
      await api.register(relatedRoutes, { types, related: new RelatedRecords(types, records) });
      // The portal's anonymous writes are limited like sign-in (tests raise loginRateLimit for all of them).
      const loginLimit = config.loginRateLimit ?? 10;
      await api.register(accountRoutes, {
        signup: new SignupService({ db, definitions, records, identity }),
        identity,
        requests: new MyRequests(db, definitions),
        notifications,
        secureCookies: config.secureCookies,
        signupRateLimit: Math.max(5, Math.floor(loginLimit / 2)),
      });
      await api.register(portalFormRoutes, {
        db,
        forms: services.forms,
        definitions,
        submitRateLimit: Math.max(10, loginLimit),
      });
      await api.register(liveRoutes, { hub, identity });
      await api.register(announcementRoutes, { announcements: new AnnouncementService(db) });
    },
    { prefix: '/api/v1' },
  );
  const fallback =
    deps.serveUi === false ? undefined : await registerUiApps(app, describePortalPage(kb, site));
  registerNotFound(app, fallback);
  return Object.assign(app, { services });
}
