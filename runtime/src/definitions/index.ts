export { maxProblems, toProblems as ajvErrorsToProblems } from './ajv.js';
export { blockName, blockTypeNames } from './bot/block-names.js';
export type { BotBlock, BotBody, BotTrigger, BotVariable } from './bot/schema.js';
export { botProblems } from './bot/semantics.js';
export { type BoundedValidate, boundedValidator, fullReportValues } from './bounded-validator.js';
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
export { type ChannelBody, imapPollSecondsDefault, imapPollSecondsMin } from './channel/schema.js';
export { siteOriginProblem, siteOriginProblems } from './channel/site-origin.js';
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
} from './entity/access.js';
export {
  type BreakingChange,
  breakingChanges,
  type ChangeFix,
  type DataQuestion,
} from './entity/evolution.js';
export {
  breakingChangeMessage,
  conversionFailedMessage,
  duplicatesAfterMigrationMessage,
  fieldTypeNames,
  invalidAfterMigrationMessage,
} from './entity/evolution-messages.js';
export { convertValue, fieldValueFits, isEmptyValue } from './entity/field-conversion.js';
export {
  bareMediaType,
  defaultFileMaxSizeMb,
  fileAccepted,
  fileExtension,
} from './entity/file-field-rules.js';
export { indexable, indexableTextLength } from './entity/indexable.js';
export { applyDefaults, recordTitle, searchableText, searchTextLimit } from './entity/record-data.js';
export { type MigrationPlan, migrateRecord, planMigration } from './entity/record-migration.js';
export { entityRecordSchema, fieldValueSchema } from './entity/record-schema.js';
export { compileRecordValidator, type RecordValidator } from './entity/record-validator.js';
export type { EntityBody, EntityField, FieldType, MigrationRule } from './entity/schema.js';
export { allowedStatusValues, isStatusField, transitionProblems } from './entity/status-transitions.js';
export { type FormBody, type FormElement, type SubmitAction, walkLayout } from './form/schema.js';
export {
  type AddressAllowance,
  addressAllowanceProblems,
  parseAddressAllowance,
} from './integration/address-allowance.js';
export {
  type IntegrationBody,
  IntegrationBodySchema,
  integrationSecretNames,
  secretNamePattern,
} from './integration/schema.js';
export { hostAllowed } from './integration/semantics.js';
export { kindSpecs } from './kind-registry.js';
export type { BodyMigration, KindSpec } from './kind-spec.js';
export {
  type DefinitionKind,
  definitionKeyPattern,
  definitionKinds,
  type Locale,
  type Problem,
} from './kinds.js';
export type { LineBody, LineRule, WorkingHours } from './line/schema.js';
export { migrateDefinitionBody, runMigrations } from './migrations.js';
export {
  type PageBody,
  type PageColumn,
  type PageRow,
  type PageWidget,
  type PageWidgetConfig,
  PortalAudience,
} from './page/schema.js';
export { type PageWidgetType, pageWidgetConfigs, pageWidgetTypes } from './page/widgets/index.js';
export {
  type PortalAccount,
  type PortalBody,
  type PortalMenuItem,
  portalKey,
} from './portal/schema.js';
export { nodeName, nodeTypeNames } from './process/node-names.js';
export type { KeptElement, ProcessBody, ProcessFlow, ProcessNode } from './process/schema.js';
export { checkReferences, collectReferences, type DefinitionReference } from './references.js';
export { patternProblem } from './safe-regexp.js';
export { currentSchemaVersion, definitionBodySchemas } from './schemas.js';
export type { ScriptBody } from './script/schema.js';
export { contentKeyPattern, slugFromTitle, transliterate } from './slug.js';
export type { TemplateBody } from './template/schema.js';
export {
  recommendedTreeDepth,
  type TreeBody,
  type TreeLeaf,
  type TreeNode,
  treeLeafTypes,
} from './tree/schema.js';
export { deepTreeNodes, treeDepths, treeProblems } from './tree/semantics.js';
export { validateDefinitionBody } from './validate-body.js';
