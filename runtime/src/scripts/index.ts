export { CallGate } from './call-gate.js';
export type { CompiledScript, CompileResult, SourceProblem } from './compiled-script.js';
export { typeDiagnosticText } from './diagnostic-text.js';
export { compileIoSchema, ioProblems, ioSchemaError } from './io-schemas.js';
export {
  bridgeLimits,
  defaultLimits,
  defaultMaxima,
  effectiveLimits,
  type ScriptLimits,
} from './limits.js';
export { type RunMessageKey, runMessage } from './run-messages.js';
export {
  type FailureCode,
  type LogLevel,
  type LogLine,
  type RunRequest,
  type RunResult,
  type RunStats,
  type ScriptFailure,
  type ScriptHost,
  ScriptHostBusy,
  type SdkHandler,
} from './run-types.js';
export { mapStack, originalPosition } from './source-positions.js';
export { type ValueShapeProblem, valueShapeProblem } from './value-shape.js';
