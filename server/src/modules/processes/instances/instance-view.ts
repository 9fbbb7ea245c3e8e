import type { Locale } from '@opora/sdk';
import { Type } from '@sinclair/typebox';
import type { InstanceRow } from './instance-rows.js';
import type { PublishedProcesses } from './published-processes.js';

const Json = Type.Unknown();
const RecordRef = Type.Object({ entity: Type.String(), id: Type.String() });

export const InstanceSummarySchema = Type.Object({
  id: Type.String(),
  processKey: Type.String(),
  processVersion: Type.Integer(),
  processName: Type.String(),
  status: Type.String(),
  startedAt: Type.String(),
  endedAt: Type.Optional(Type.String()),
  startedBy: Type.Optional(Type.String()),
  record: Type.Optional(RecordRef),
});

export const InstanceViewSchema = Type.Composite([
  InstanceSummarySchema,
  Type.Object({
    variables: Type.Record(Type.String(), Json),
    tokens: Type.Array(Type.Object({ id: Type.String(), nodeId: Type.String(), wait: Type.Optional(Json) })),
    history: Type.Array(
      Type.Object({
        nodeId: Type.String(),
        tokenId: Type.String(),
        enteredAt: Type.String(),
        leftAt: Type.Optional(Type.String()),
        outcome: Type.Optional(Type.String()),
      }),
    ),
    decisions: Type.Array(Json),
    error: Type.Optional(
      Type.Object({
        nodeId: Type.Optional(Type.String()),
        message: Type.String(),
        code: Type.Optional(Type.String()),
      }),
    ),
  }),
]);

const iso = (ms: number) => new Date(ms).toISOString();

/** The process's title in the reader's language; its key when the version cannot be read. */
async function processName(processes: PublishedProcesses, row: InstanceRow, locale: Locale) {
  const process = await processes.pinned(row.processKey, row.processVersion);
  const title = process?.body.title;
  return (title && (title[locale] ?? title.ru)) || row.processKey;
}

export async function instanceSummary(processes: PublishedProcesses, row: InstanceRow, locale: Locale) {
  return {
    id: row.id,
    processKey: row.processKey,
    processVersion: row.processVersion,
    processName: await processName(processes, row, locale),
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    ...(row.endedAt ? { endedAt: row.endedAt.toISOString() } : {}),
    ...(row.startedBy ? { startedBy: row.startedBy } : {}),
    ...(row.state.record ? { record: row.state.record } : {}),
  };
}

/** Everything the instance's page shows: where its tokens are, the path it took, the approval sheet. */
export async function instanceView(processes: PublishedProcesses, row: InstanceRow, locale: Locale) {
  const { state } = row;
  return {
    ...(await instanceSummary(processes, row, locale)),
    variables: state.variables,
    tokens: state.tokens.map((t) => ({ id: t.id, nodeId: t.nodeId, ...(t.wait ? { wait: t.wait } : {}) })),
    history: state.history.map((h) => ({
      nodeId: h.nodeId,
      tokenId: h.tokenId,
      enteredAt: iso(h.enteredAt),
      ...(h.leftAt !== undefined ? { leftAt: iso(h.leftAt) } : {}),
      ...(h.outcome ? { outcome: h.outcome } : {}),
    })),
    decisions: state.decisions.map((d) => ({ ...d, at: iso(d.at) })),
    ...(state.error ? { error: state.error } : {}),
  };
}
