import type { PublishedLine } from '@opora/runtime/lines';
import { lineOpenAt } from '@opora/runtime/lines';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Em } from '../../db/database.js';
import { assignBatch, type Choice } from './assign-batch.js';
import { lockDistribution } from './distribution-signal.js';
import { type OperatorLoad, onlineOperators } from './operator-loads.js';
import type { PublishedLines } from './published-lines.js';
import { capacityFor, serves } from './serving.js';
import type { ReplyDeps } from './system-reply.js';

export interface PassDeps extends ReplyDeps {
  lines: PublishedLines;
  clock: Clock;
}

interface Waiting {
  id: string;
  line_key: string;
  priority: number;
  queued_at: string | Date;
  skip_operator_id: string | null;
  preferred_operator_id: string | null;
}

/** At most this many assignments per transaction, so the lock is held briefly; the dispatcher runs another. */
const batch = 100;

/**
 * One distribution pass: under the distribution lock, the waiting dialogs of the open lines that have an operator
 * with room are taken oldest first within the highest priority, each given to the serving online operator with
 * the fewest open dialogs below their capacity (ties: the longest idle). Returns whether it stopped at its batch
 * size (run again) or gave out everything it could.
 */
export function assignPass(deps: PassDeps): Promise<'more' | 'done'> {
  return deps.db.transaction((tx) => assignWithin(deps, tx));
}

/**
 * {@link assignPass} inside the caller's transaction. A close runs it in its own transaction, so the slot it frees
 * is filled in the same commit: nobody ever sees an operator two dialogs below a colleague while dialogs wait.
 */
export async function assignWithin(deps: PassDeps, tx: Em): Promise<'more' | 'done'> {
  await lockDistribution(deps.db, tx);
  const now = dateOf(deps.clock);
  const operators = await onlineOperators(deps.db, tx);
  if (!operators.length) return 'done';
  const lines = (await deps.lines.all(tx)).filter(
    (line) => !line.body.botOnly && lineOpenAt(line.body.hours, now).open,
  );
  const waiting = await heads(deps, tx, lines, operators);
  const choices: Choice[] = [];
  for (const dialog of waiting) {
    if (choices.length >= batch) break;
    const line = lines.find((l) => l.key === dialog.line_key)!;
    const operator = choose(operators, line, dialog);
    if (!operator) continue;
    choices.push({
      conversationId: dialog.id,
      operatorId: operator.id,
      line: line.body,
      reason: dialog.preferred_operator_id === operator.id ? 'reopened' : 'distributed',
    });
    // The choice counts at once: the next dialog of this pass sees the operator's new load.
    operator.load += 1;
    operator.idleSince = now.getTime();
  }
  await assignBatch(deps, tx, choices, now);
  return choices.length >= batch ? 'more' : 'done';
}

/** Whether an operator may get one more dialog of the line now. */
const hasRoom = (operator: OperatorLoad, line: PublishedLine) =>
  operator.load < capacityFor(operator, line.body);

/**
 * The dialogs worth looking at: per line that has serving operators with room, as many queue heads as that room
 * (rows locked, skipping any another transaction holds), merged in queue order across lines.
 */
async function heads(
  deps: PassDeps,
  tx: Em,
  lines: readonly PublishedLine[],
  operators: readonly OperatorLoad[],
): Promise<Waiting[]> {
  const all: Waiting[] = [];
  for (const line of lines) {
    const room = operators
      .filter((o) => serves(o, line.body))
      .reduce((n, o) => n + Math.max(0, capacityFor(o, line.body) - o.load), 0);
    const limit = Math.min(room, batch);
    if (limit <= 0) continue;
    const rows = await deps.db.query<Waiting>(
      `select id, line_key, priority, queued_at, skip_operator_id, preferred_operator_id from conversation
        where line_key = ? and status = 'open' and handler = 'queue' and queued_at is not null
        order by priority desc, queued_at, id limit ? for update skip locked`,
      [line.key, limit],
      tx,
    );
    all.push(...rows);
  }
  const at = (w: Waiting) => new Date(w.queued_at).getTime();
  return all.sort(
    (a, b) => Number(b.priority) - Number(a.priority) || at(a) - at(b) || a.id.localeCompare(b.id),
  );
}

/**
 * Who gets a dialog: the operator a reopened dialog returns to if they are online with room; else the serving
 * operator with the fewest dialogs, then the longest idle — passing over the one who let this dialog's last offer
 * lapse while anyone else can take it.
 */
function choose(operators: OperatorLoad[], line: PublishedLine, dialog: Waiting): OperatorLoad | null {
  const preferred = operators.find((o) => o.id === dialog.preferred_operator_id);
  if (preferred && hasRoom(preferred, line)) return preferred;
  const able = operators.filter((o) => serves(o, line.body) && hasRoom(o, line));
  const others = able.filter((o) => o.id !== dialog.skip_operator_id);
  const pool = others.length ? others : able;
  pool.sort((a, b) => a.load - b.load || a.idleSince - b.idleSince || a.id.localeCompare(b.id));
  return pool[0] ?? null;
}
