export { CallGate } from './call-gate.js';
export { type CompiledScript, type CompileResult, compileScript, type SourceProblem } from './compile.js';
export { fitBytes } from './host-bridge.js';
export { compileIoSchema, ioProblems, ioSchemaError } from './io-schemas.js';
export { IsolateRunner } from './isolate-runner.js';
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
export { typeCheckScript } from './type-check.js';
export { type ValueShapeProblem, valueShapeProblem } from './value-shape.js';
