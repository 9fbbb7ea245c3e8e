export { type CompiledScript, type CompileResult, compileScript, type SourceProblem } from './compile.js';
export { compileIoSchema, ioProblems, ioSchemaError } from './io-schemas.js';
export { IsolateRunner } from './isolate-runner.js';
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
export { typeCheckScript } from './type-check.js';
