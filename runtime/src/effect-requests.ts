import type { Value } from './forms/expressions/index.js';

/**
 * The requests bots and processes both hand the server, answered by a `result`/`effectResult` event carrying the
 * same `requestId`: one shape, so one server executor can run them for either engine.
 */
export type SharedEffectRequest =
  | { type: 'runScript'; requestId: string; script: string; input: Record<string, Value> }
  | {
      type: 'callIntegration';
      requestId: string;
      integration: string;
      operation: string;
      input: Record<string, Value>;
    }
  | { type: 'createRecord'; requestId: string; entity: string; values: Record<string, Value> }
  | {
      type: 'updateRecord';
      requestId: string;
      entity: string;
      recordId: string;
      values: Record<string, Value>;
    }
  | {
      type: 'startProcess';
      requestId: string;
      process: string;
      variables: Record<string, Value>;
      /** The document the started process is about (a bot's request, say); a call activity passes its own. */
      record?: { entity: string; id: string };
    };
