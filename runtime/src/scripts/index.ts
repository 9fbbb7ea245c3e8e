export type { CompiledScript, CompileResult, SourceProblem } from './compiled-script.js';
export { compileIoSchema, ioProblems, ioSchemaError } from './io-schemas.js';
export { defaultLimits, defaultMaxima, effectiveLimits, type ScriptLimits } from './limits.js';
export type {
  FailureCode,
  LogLine,
  RunRequest,
  RunResult,
  RunStats,
  ScriptFailure,
  ScriptHost,
  SdkHandler,
} from './run-types.js';
export { mapStack, originalPosition } from './source-positions.js';
