/** What one script run may use. */
export interface ScriptLimits {
  memoryMb: number;
  /** Wall clock for the whole run, awaited promises included. */
  timeoutMs: number;
  /** CPU time the isolate may burn. */
  cpuMs: number;
  maxOutputBytes: number;
  maxLogBytes: number;
  maxSdkCalls: number;
}

export const defaultLimits: ScriptLimits = {
  memoryMb: 64,
  timeoutMs: 2000,
  cpuMs: 1000,
  maxOutputBytes: 1024 * 1024,
  maxLogBytes: 64 * 1024,
  maxSdkCalls: 100,
};

/** The ceilings an administrator allows; a script's own request is clamped to them. */
export const defaultMaxima: ScriptLimits = {
  memoryMb: 512,
  timeoutMs: 60_000,
  cpuMs: 30_000,
  maxOutputBytes: 10 * 1024 * 1024,
  maxLogBytes: 1024 * 1024,
  maxSdkCalls: 10_000,
};

export function effectiveLimits(
  requested: Partial<ScriptLimits> = {},
  maxima: ScriptLimits = defaultMaxima,
): ScriptLimits {
  const pick = (key: keyof ScriptLimits) =>
    Math.max(1, Math.min(requested[key] ?? defaultLimits[key], maxima[key]));
  return {
    memoryMb: Math.max(8, pick('memoryMb')),
    timeoutMs: pick('timeoutMs'),
    cpuMs: pick('cpuMs'),
    maxOutputBytes: pick('maxOutputBytes'),
    maxLogBytes: pick('maxLogBytes'),
    maxSdkCalls: pick('maxSdkCalls'),
  };
}

/**
 * Fixed caps on what crosses the sandbox boundary, whatever a script's own limits say: values nested deeper than
 * `maxValueDepth` (input, output, SDK arguments and answers) are refused before anything recursive touches them,
 * one SDK call's arguments are at most `maxSdkArgumentBytes` of JSON, and a run has at most `sdkCallsInFlight`
 * SDK calls being carried out with up to `sdkCallsWaiting` more queued (beyond that a call is refused at once).
 */
export const bridgeLimits = {
  maxValueDepth: 64,
  maxSdkArgumentBytes: 1024 * 1024,
  sdkCallsInFlight: 4,
  sdkCallsWaiting: 1000,
} as const;
