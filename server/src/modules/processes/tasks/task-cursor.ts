import { fail } from '../../../http/app-error.js';

/** Where an inbox page starts: the last task's due date (null: none), creation time and id. */
export interface TaskCursor {
  dueAt: string | null;
  createdAt: string;
  id: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));

/** Opaque to clients: they hand back what a page gave them. */
export const encodeTaskCursor = (c: TaskCursor): string =>
  Buffer.from(JSON.stringify([c.dueAt, c.createdAt, c.id])).toString('base64url');

/** Reads a cursor a client sent back; anything a page did not make is a 400. */
export function decodeTaskCursor(text: string): TaskCursor {
  const refuse = () => fail.badCursor('after', { key: 'cursor_unreadable' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse();
  const [dueAt, createdAt, id] = parsed as unknown[];
  if ((dueAt !== null && !isoDate(dueAt)) || !isoDate(createdAt) || typeof id !== 'string' || !uuid.test(id))
    throw refuse();
  return { dueAt, createdAt, id };
}
