import type { ProcessBody } from '@opora/runtime/definitions';
import { client } from '../lib/api';

/** The largest BPMN file the server reads (its `bpmnLimits.maxBytes`); a larger one is refused before sending. */
export const bpmnMaxBytes = 5 * 1024 * 1024;

export interface BpmnImport {
  body: ProcessBody;
  problems: { pointer: string; code: string; message: string }[];
}

/** Reads a BPMN 2.0 file into a process body on the server (nothing is saved there). */
export const importBpmn = (xml: string): Promise<BpmnImport> =>
  client.request('POST', '/processes/import', { text: { content: xml, type: 'application/xml' } });

/** Where the browser downloads the saved draft as a .bpmn file (a plain GET: the session cookie suffices). */
export const bpmnExportUrl = (definitionId: string): string =>
  `/api/v1/definitions/${encodeURIComponent(definitionId)}/bpmn`;

export type InstanceStatus = 'running' | 'completed' | 'terminated' | 'failed';

/** One instance in the list (GET /processes/instances). */
export interface InstanceSummary {
  id: string;
  processKey: string;
  processVersion: number;
  processName: string;
  status: InstanceStatus;
  startedAt: string;
  endedAt?: string;
  startedBy?: string | { id: string; name?: string };
  record?: { entity: string; id: string };
}

/** One instance with where its tokens stand and the path it took (GET /processes/instances/:id). */
export interface InstanceView extends InstanceSummary {
  variables: Record<string, unknown>;
  tokens: { id: string; nodeId: string; wait?: unknown }[];
  history: { nodeId: string; tokenId: string; enteredAt: string; leftAt?: string; outcome?: string }[];
  decisions?: unknown[];
  error?: { nodeId?: string; message: string; code?: string };
}

export const listInstances = (
  processKey: string,
  after?: string,
): Promise<{ items: InstanceSummary[]; nextCursor?: string }> =>
  client.request('GET', '/processes/instances', { query: { process: processKey, limit: 50, after } });

export const getInstance = (id: string): Promise<InstanceView> =>
  client.request('GET', `/processes/instances/${encodeURIComponent(id)}`);

/** The published version an instance runs on, to draw it as it was. */
export const getProcessVersion = (definitionId: string, version: number) =>
  client.getVersion(definitionId, version);
