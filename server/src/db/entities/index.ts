import { apiTokenSchema } from './api-token.js';
import { auditEntrySchema } from './audit-entry.js';
import { definitionSchema } from './definition.js';
import { definitionVersionSchema } from './definition-version.js';
import { recordSchema } from './record.js';
import { sessionSchema } from './session.js';
import { userSchema } from './user.js';

export const entitySchemas = [
  userSchema,
  sessionSchema,
  apiTokenSchema,
  definitionSchema,
  definitionVersionSchema,
  recordSchema,
  auditEntrySchema,
];
