import type { Role } from '@opora/sdk';

/** The part of a JSON Schema the fuzzer reads to build a request the route would accept. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, `{name}` for parameters. */
  path: string;
  access: 'public' | 'authenticated' | Role[];
  params: { name: string; schema: Schema }[];
  /** Query string parameters. */
  query: { name: string; schema: Schema }[];
  /** JSON body schema, if the route takes JSON. */
  body?: Schema;
  multipart: boolean;
}

interface OpenApiOperation {
  'x-roles'?: Operation['access'];
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  consumes?: string[];
}

/** Every API operation of the OpenAPI document, with what the fuzzer needs to call it. */
export function operationsOf(document: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        return {
          method: method.toUpperCase() as Operation['method'],
          path,
          access: op['x-roles'] ?? 'public',
          params: parametersIn(op, 'path'),
          query: parametersIn(op, 'query'),
          body: content['application/json']?.schema,
          multipart:
            Boolean(content['multipart/form-data']) || path.endsWith('/files') || path.endsWith('/assets'),
        };
      }),
    );
}

const parametersIn = (op: OpenApiOperation, where: 'path' | 'query') =>
  (op.parameters ?? []).filter((p) => p.in === where).map(({ name, schema }) => ({ name, schema }));

/** Writes, and reads that take path parameters or a query string: what hostile input can reach. */
export const isFuzzed = (op: Operation): boolean =>
  op.method !== 'GET' || op.params.length > 0 || op.query.length > 0;

/** Calls that change the world for the calls after them (ending the session, archiving, deleting) go last. */
export const destructiveLast = (a: Operation, b: Operation): number => weight(a) - weight(b);
const weight = (op: Operation) =>
  op.path.endsWith('/logout')
    ? 2
    : op.method === 'DELETE' || /\/(archive|state|cancel)$/.test(op.path)
      ? 1
      : 0;
