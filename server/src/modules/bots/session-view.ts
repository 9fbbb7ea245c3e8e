import { Type } from '@sinclair/typebox';
import type { SessionRow } from './session-rows.js';

/** A dialog's bot session as the operator window shows it. */
export const BotSessionSchema = Type.Object({
  id: Type.String(),
  bot: Type.Object({ key: Type.String(), version: Type.Integer() }),
  /** `active` while the session may be stepped; `ended` once it jumped to another bot or the dialog closed. */
  status: Type.Union([Type.Literal('active'), Type.Literal('ended')]),
  /** The engine's own status: idle, waiting, handedOver (waits for an operator to hand back), ended. */
  state: Type.Union(['idle', 'waiting', 'handedOver', 'ended'].map((s) => Type.Literal(s))),
  /** The block the session is at (the one it waits at, or the last one run). */
  block: Type.Union([Type.String(), Type.Null()]),
  waiting: Type.Union([
    Type.Object({ kind: Type.String(), blockId: Type.String(), attempt: Type.Integer() }),
    Type.Null(),
  ]),
  variables: Type.Record(Type.String(), Type.Unknown()),
  /** Whether the bot answers the dialog now; false while an operator or a queue has it. */
  paused: Type.Boolean(),
  error: Type.Optional(Type.Object({ blockId: Type.String(), message: Type.String() })),
  updatedAt: Type.String({ format: 'date-time' }),
});

export function sessionView(session: SessionRow, paused: boolean) {
  const { state } = session;
  return {
    id: session.id,
    bot: { key: session.botKey, version: session.botVersion },
    status: session.status,
    state: state.status,
    block: state.block,
    waiting: state.waiting
      ? { kind: state.waiting.kind, blockId: state.waiting.blockId, attempt: state.waiting.attempt }
      : null,
    variables: state.variables,
    paused,
    ...(state.error ? { error: state.error } : {}),
    updatedAt: session.updatedAt,
  };
}
