import type { EmbeddedStatusLayout } from './embedded-messages.js';

/** The thread writes its counts once a second: silence past this means it is stuck inside one message. */
const silentAfterMs = 3_000;
/** Enough of a statement to tell which one it is. */
const shapeChars = 120;

const messageNames: Record<string, string> = {
  B: 'bind',
  C: 'close',
  D: 'describe',
  E: 'execute',
  H: 'flush',
  S: 'sync',
  X: 'terminate',
};

/**
 * The embedded database's status (as its thread shares it, see embedded-worker.mjs) in words for the log, e.g.
 * `busy for 41.2 s with one message (query: update job set status = …); 1 connection, 3 messages queued, in a
 * transaction`.
 */
export function describeEmbeddedStatus(
  buffer: SharedArrayBuffer,
  layout: EmbeddedStatusLayout,
  now: number,
): string {
  const slots = new Float64Array(buffer, 0, layout.messageOffset / Float64Array.BYTES_PER_ELEMENT);
  const busySince = slots[layout.busySince]!;
  const silentMs = now - slots[layout.heardAt]!;
  const length = slots[layout.messageLength]!;
  const parts: string[] = [];
  if (busySince > 0) {
    const message = new Uint8Array(buffer, layout.messageOffset, length);
    parts.push(`busy for ${seconds(now - busySince)} with one message (${messageShape(message)})`);
  } else parts.push('idle');
  if (silentMs > silentAfterMs) parts.push(`its thread silent for ${seconds(silentMs)}`);
  const connections = slots[layout.connections]!;
  const queued = slots[layout.queued]!;
  parts.push(
    `${connections} connection${connections === 1 ? '' : 's'}, ${queued} message${queued === 1 ? '' : 's'} queued` +
      (slots[layout.inTransaction] ? ', in a transaction' : ''),
  );
  return parts.join('; ');
}

/**
 * Which protocol message, and for a query or a parse the start of its statement, cut before the first literal
 * or parameter: statements carry their values inline, and values (messages, addresses) stay out of the log.
 */
export function messageShape(message: Uint8Array): string {
  if (!message.length) return 'unknown';
  const type = String.fromCharCode(message[0]!);
  if (type === 'Q') return `query: ${statementShape(message.subarray(5))}`;
  if (type === 'P') {
    const nameEnd = message.indexOf(0, 5);
    return `parse: ${nameEnd < 0 ? '…' : statementShape(message.subarray(nameEnd + 1))}`;
  }
  return messageNames[type] ?? (type === '\0' ? 'startup' : `message ${JSON.stringify(type)}`);
}

function statementShape(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const text = new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
  const literal = text.search(/['$]/);
  const shape = (literal < 0 ? text : text.slice(0, literal)).replace(/\s+/g, ' ').trim();
  return shape.length > shapeChars || literal >= 0 || end < 0 ? `${shape.slice(0, shapeChars)} …` : shape;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
