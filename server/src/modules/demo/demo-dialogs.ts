import type { InboundMessage } from '@opora/runtime/conversations';
import type { FastifyInstance } from 'fastify';
import { dateOf } from '../../adapters/clock.js';
import type { Em } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { setConversationStatusWithin } from '../conversations/conversation-status.js';
import { lockAsk } from '../csat/csat-row.js';
import { ratingButtons } from '../csat/csat-texts.js';
import { applyRating } from '../csat/record-rating.js';
import { takeDialogWithin } from '../distribution/dialog-actions.js';
import { escalateWithin } from '../escalation/escalate.js';
import type { DemoDialog, DemoStep } from './demo-dialogs-data.js';

/** The template's site chat: where the demo's visitors write. */
export const demoChannel = { type: 'widget', key: 'site-chat' } as const;

/** The channel's id of a demo dialog's n-th client message; the first one marks the dialog as installed. */
export const demoMessageId = (dialog: DemoDialog, n: number) => `demo:${dialog.key}:${n}`;

interface Playing {
  tx: Em;
  dialog: DemoDialog;
  staff: ReadonlyMap<string, Actor>;
  conversationId: string | null;
  clientMessages: number;
}

/**
 * Plays one scripted dialog through the same paths a visitor's widget and an operator's screen take (routing,
 * queues, assignment, answers, closing, the rating question and the press that answers it, escalation), in one
 * transaction: a failure leaves nothing half-made. False when the dialog was installed before (its first message's
 * channel id is taken), and then nothing is written.
 */
export function playDemoDialog(
  app: FastifyInstance,
  dialog: DemoDialog,
  staff: ReadonlyMap<string, Actor>,
): Promise<boolean> {
  return app.db.transaction(async (tx) => {
    const playing: Playing = { tx, dialog, staff, conversationId: null, clientMessages: 0 };
    for (const step of dialog.steps) if (!(await playStep(app, playing, step))) return false;
    return true;
  });
}

function person(playing: Playing, login: string): Actor {
  const actor = playing.staff.get(login);
  if (!actor) throw new Error(`demo dialog ${playing.dialog.key} names no demo person ${login}`);
  return actor;
}

function conversationOf(playing: Playing): string {
  if (!playing.conversationId)
    throw new Error(`demo dialog ${playing.dialog.key} must start with the client`);
  return playing.conversationId;
}

/** One step; false when the dialog's first message turns out to be stored already. */
async function playStep(app: FastifyInstance, playing: Playing, step: DemoStep): Promise<boolean> {
  const { tx } = playing;
  if ('client' in step) return clientWrites(app, playing, step.client);
  if ('rate' in step) {
    await rate(app, playing, step.rate, step.comment);
    return true;
  }
  const id = conversationOf(playing);
  if ('take' in step) await takeDialogWithin(actionDeps(app), tx, id, person(playing, step.take));
  else if ('operator' in step || 'note' in step) {
    const login = 'operator' in step ? step.operator : step.note;
    await app.conversations.answerWithin(
      tx,
      id,
      {
        authorKind: 'operator',
        message: { text: step.text, parts: [], attachments: [] },
        ...('note' in step ? { internal: true } : {}),
      },
      person(playing, login),
    );
  } else if ('close' in step)
    await setConversationStatusWithin(
      { db: app.db, hub: app.liveHub, listeners: app.conversations.statusListeners },
      tx,
      id,
      'closed',
      person(playing, step.close),
      dateOf(app.clock),
    );
  else await escalateWithin(app, tx, id, step.request, person(playing, step.escalate), 'ru');
  return true;
}

const actionDeps = (app: FastifyInstance) => ({
  db: app.db,
  clock: app.clock,
  lines: app.publishedLines,
  jobs: app.jobQueue,
  hub: app.liveHub,
});

function visitor(playing: Playing): InboundMessage['from'] {
  const { client, key } = playing.dialog;
  return {
    externalId: `demo-visitor-${key}`,
    displayName: client.name,
    ...(client.email ? { email: client.email } : {}),
  };
}

async function clientWrites(app: FastifyInstance, playing: Playing, text: string): Promise<boolean> {
  const n = ++playing.clientMessages;
  const taken = await app.conversations.takeInboundWithin(playing.tx, demoChannel, {
    from: visitor(playing),
    externalMessageId: demoMessageId(playing.dialog, n),
    message: { text, parts: [], attachments: [] },
    files: [],
  });
  if (taken.duplicate) return false;
  playing.conversationId = taken.conversation.id;
  return true;
}

/**
 * The visitor presses a rating button under the question closing asked (the widget's way of rating), then — as
 * the widget's comment box does — adds a comment to the rating.
 */
async function rate(app: FastifyInstance, playing: Playing, score: number, comment: string | undefined) {
  const button = ratingButtons[score - 1];
  if (!button) throw new Error(`demo dialog ${playing.dialog.key} rates ${score}, not 1–5`);
  const n = ++playing.clientMessages;
  await app.conversations.takeInboundWithin(playing.tx, demoChannel, {
    from: visitor(playing),
    externalMessageId: demoMessageId(playing.dialog, n),
    message: { text: button.label, parts: [], attachments: [] },
    files: [],
    pressed: { index: score - 1, label: button.label },
  });
  if (!comment) return;
  const ask = await lockAsk(app.db, playing.tx, { conversationId: conversationOf(playing) });
  if (!ask) throw new Error(`demo dialog ${playing.dialog.key} was not asked for a rating`);
  await applyRating(app.db, playing.tx, ask, { comment }, dateOf(app.clock));
}
