export { toProblems as ajvErrorsToProblems } from './ajv.js';
export {
  type Bundle,
  type BundleDefinition,
  type BundleRecord,
  bundleSchema,
  orderForPublish,
  resolveRecordRefs,
  validateBundle,
} from './bundle.js';
export {
  type BundleArticle,
  type BundleCategory,
  type BundleKnowledgeBase,
  BundleKnowledgeBaseSchema,
} from './bundle-knowledge-base.js';
export { literals } from './common-schemas.js';
export {
  type AccessRole,
  type AccessScope,
  accessRoles,
  accessScope,
  defaultEntityAccess,
  type EntityAccess,
  entityAccess,
  type RecordOperation,
  recordOperations,
  rolesAllowed,
} from './entity-access.js';
export {
  type BreakingChange,
  breakingChanges,
  type ChangeFix,
  type DataQuestion,
} from './entity-evolution.js';
export {
  breakingChangeMessage,
  conversionFailedMessage,
  duplicatesAfterMigrationMessage,
  fieldTypeNames,
  invalidAfterMigrationMessage,
} from './entity-evolution-messages.js';
export { type MigrationPlan, migrateRecord, planMigration } from './entity-migration.js';
export type { EntityBody, EntityField, FieldType, MigrationRule } from './entity-schema.js';
export { convertValue, fieldValueFits, isEmptyValue } from './field-conversion.js';
export { bareMediaType, defaultFileMaxSizeMb, fileAccepted, fileExtension } from './file-field-rules.js';
export { type FormBody, type FormElement, type SubmitAction, walkLayout } from './form-schema.js';
export {
  type IntegrationBody,
  IntegrationBodySchema,
  integrationSecretNames,
  secretNamePattern,
} from './integration-schema.js';
export { hostAllowed } from './integration-semantics.js';
export {
  type DefinitionKind,
  definitionKeyPattern,
  definitionKinds,
  type Locale,
  type Problem,
} from './kinds.js';
export { type BodyMigration, migrateDefinitionBody, runMigrations } from './migrations.js';
export type { BotBody, LineBody, ProcessBody, ScriptBody, TemplateBody } from './other-kinds-schemas.js';
export {
  type PageBody,
  type PageColumn,
  type PageRow,
  type PageWidget,
  type PageWidgetConfig,
  PortalAudience,
} from './page-schema.js';
export { type PageWidgetType, pageWidgetConfigs, pageWidgetTypes } from './page-widgets/index.js';
export {
  type PortalAccount,
  type PortalBody,
  type PortalMenuItem,
  portalKey,
} from './portal-schema.js';
export { applyDefaults, recordTitle, searchableText } from './record-data.js';
export { entityRecordSchema, fieldValueSchema } from './record-schema.js';
export { compileRecordValidator, type RecordValidator } from './record-validator.js';
export { checkReferences, collectReferences, type DefinitionReference } from './references.js';
export { patternProblem } from './safe-regexp.js';
export { currentSchemaVersion, definitionBodySchemas } from './schemas.js';
export { contentKeyPattern, slugFromTitle, transliterate } from './slug.js';
export { allowedStatusValues, isStatusField, transitionProblems } from './status-transitions.js';
export {
  recommendedTreeDepth,
  type TreeBody,
  type TreeLeaf,
  type TreeNode,
  treeLeafTypes,
} from './tree-schema.js';
export { deepTreeNodes, treeDepths, treeProblems } from './tree-semantics.js';
export { validateDefinitionBody } from './validate-body.js';
