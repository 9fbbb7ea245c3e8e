import { resolvePointer } from './json-pointer.js';
import type { HttpStepConfig } from './schema.js';
import { fillJson, fillParts, fillText, type TextPart } from './templates.js';

/** The request an HTTP step makes, in the same shape a script passes to `ctx.http.fetch`. */
export interface IntegrationCall {
  integration: string;
  path: string;
  method: string;
  query: Record<string, string>;
  headers: Record<string, TextPart[]>;
  body?: unknown;
}

/** Builds the call from the step's templates and the current variables (values in the path are URL-encoded). */
export function buildHttpStepCall(
  config: HttpStepConfig,
  variables: Record<string, unknown>,
): IntegrationCall {
  const query = Object.fromEntries(
    Object.entries(config.query ?? {}).map(([name, template]) => [name, fillText(template, variables)]),
  );
  const headers = Object.fromEntries(
    Object.entries(config.headers ?? {}).map(([name, template]) => [name, fillParts(template, variables)]),
  );
  const sendsBody = config.body !== undefined && config.method !== 'GET' && config.method !== 'DELETE';
  return {
    integration: config.integration,
    method: config.method,
    path: fillText(config.path, variables, encodeURIComponent),
    query,
    headers,
    ...(sendsBody ? { body: fillJson(config.body, variables) } : {}),
  };
}

export interface HttpStepOutcome {
  variables: Record<string, unknown>;
  /** Mappings whose pointer found nothing in the response (they are set to null). */
  missing: string[];
}

/** Maps the response onto variables: each pointer reads the parsed JSON body (a non-JSON body reads as text). */
export function mapHttpStepResponse(
  config: HttpStepConfig,
  response: { status: number; text: string },
): HttpStepOutcome {
  let document: unknown = response.text;
  try {
    document = JSON.parse(response.text);
  } catch {
    // A text answer: only the pointer '' (the whole body) finds it.
  }
  const variables: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const { variable, pointer } of config.response ?? []) {
    const value = resolvePointer(document, pointer);
    if (value === undefined) missing.push(pointer);
    variables[variable] = value ?? null;
  }
  if (config.statusVariable) variables[config.statusVariable] = response.status;
  return { variables, missing };
}
