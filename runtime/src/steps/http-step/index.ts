export {
  buildHttpStepCall,
  type HttpStepOutcome,
  type IntegrationCall,
  mapHttpStepResponse,
} from './http-step.js';
export { resolvePointer } from './json-pointer.js';
export { type HttpStepConfig, HttpStepConfigSchema } from './schema.js';
export type { SecretRef, TextPart } from './templates.js';
