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
export { literals } from './common-schemas.js';
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
export type {
  BotBody,
  LineBody,
  PageBody,
  ProcessBody,
  ScriptBody,
  TemplateBody,
  TreeBody,
  TreeNode,
} from './other-kinds-schemas.js';
export { applyDefaults, recordTitle, searchableText } from './record-data.js';
export { entityRecordSchema, fieldValueSchema } from './record-schema.js';
export { compileRecordValidator, type RecordValidator } from './record-validator.js';
export { checkReferences, collectReferences, type DefinitionReference } from './references.js';
export { patternProblem } from './safe-regexp.js';
export { currentSchemaVersion, definitionBodySchemas } from './schemas.js';
export { allowedStatusValues, isStatusField, transitionProblems } from './status-transitions.js';
export { validateDefinitionBody } from './validate-body.js';
