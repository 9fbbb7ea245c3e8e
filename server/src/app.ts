import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { defaultMaxima } from '@opora/runtime/scripts';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { registerErrorHandler, registerNotFound } from './http/error-handler.js';
import { validatorCompiler } from './http/validation.js';
import { HttpGateway } from './integrations/http-gateway.js';
import { JobQueue } from './jobs/index.js';
import { auditRoutes } from './modules/audit/audit-routes.js';
import { registerAccessControl } from './modules/auth/access-control.js';
import { IdentityService } from './modules/auth/identity-service.js';
import { sessionRoutes } from './modules/auth/session-routes.js';
import { tokenRoutes } from './modules/auth/token-routes.js';
import { bundleRoutes } from './modules/bundles/bundle-routes.js';
import { BundleService } from './modules/bundles/bundle-service.js';
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
  const scripts = new ScriptService({
    db,
    hostFactory: () => new SandboxPool({ size: 2 }),
    records,
    definitions,
    caller: integrations,
    maxima: config.scriptMaxima ?? defaultMaxima,
  });
  const services: AppServices = {
    identity,
    users: new UserService(db),
    definitions,
    records,
    bundles: new BundleService(db, definitions, records),
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
  const files = new FileService(db, definitions, fileStore, config.fileMaxMb ?? 100);
  records.addSaveCheck(fileAttachCheck(db));

  registerErrorHandler(app);
  await app.register(fastifyCookie);
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
      await api.register(viewRoutes, { views: new ViewService(db) });
      const types = new RecordTypes(db);
      await api.register(relatedRoutes, { types, related: new RelatedRecords(types, records) });
    },
    { prefix: '/api/v1' },
  );
  const fallback = deps.serveUi === false ? undefined : await registerUiApps(app);
  registerNotFound(app, fallback);
  return Object.assign(app, { services });
}
