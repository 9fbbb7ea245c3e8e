import type { BoardDialog, SlaBreachKind } from '@opora/sdk';

/** A running time as a clock shows it: 4:05, 1:02:09. */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** Seconds since an ISO time, at `now` (ms). */
export const secondsSince = (iso: string, now: number) => Math.max(0, (now - Date.parse(iso)) / 1000);

/**
 * What a dialog has missed at `now`: the server's answer, or a target the local clock has just passed (the board
 * marks it the second it happens, before the next refetch).
 */
export function breachAt(dialog: BoardDialog, now: number): SlaBreachKind | null {
  if (dialog.breach) return dialog.breach;
  if (dialog.firstResponseDue && Date.parse(dialog.firstResponseDue) < now) return 'first_response';
  if (dialog.resolutionDue && Date.parse(dialog.resolutionDue) < now) return 'resolution';
  return null;
}

/**
 * What «Подключиться» does with a dialog: one the bot talks with the supervisor takes and opens in the operator
 * window — the bot pauses; into one waiting or led by an operator they write from the board.
 */
export const joinKind = (dialog: Pick<BoardDialog, 'handler'>): 'take' | 'write' =>
  dialog.handler === 'bot' ? 'take' : 'write';

/** The board's words for how long a dialog has been where it is: waiting, in progress, or with the bot. */
export const sinceKey = (dialog: Pick<BoardDialog, 'handler'>) =>
  dialog.handler === 'queue'
    ? 'supervisor.waitsFor'
    : dialog.handler === 'bot'
      ? 'supervisor.withBotFor'
      : 'supervisor.handledFor';
