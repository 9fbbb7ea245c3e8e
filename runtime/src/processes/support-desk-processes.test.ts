import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../definitions/bundle.js';
import type { ProcessBody } from '../definitions/process/schema.js';
import { fixedClock } from '../engine.js';
import type { ProcessEffect } from './effects.js';
import { createInstance, stepProcess } from './engine.js';
import type { ProcessEvent } from './events.js';
import type { ProcessInstance } from './instance.js';
import { prepareProcess } from './prepared-process.js';

/**
 * The support-desk template's processes driven through the pure engine, as the server will feed them: the refund
 * approval (бухгалтерия alone up to 10 000 ₽, above it the head of support and бухгалтерия in parallel; approve, reject,
 * return for revision, reminder and escalation)
 * and the knowledge-base article review.
 */
const bundle = JSON.parse(
  readFileSync(new URL('../../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
) as Bundle;

const processOf = (key: string) => {
  const def = bundle.definitions.find((d) => d.kind === 'process' && d.key === key);
  if (!def) throw new Error(`the template has no process ${key}`);
  return prepareProcess(def.body as ProcessBody, { key, version: 1 });
};

const day = 86_400_000;
const t0 = Date.UTC(2026, 11, 2, 7, 0); // Wednesday 2 December 2026, 10:00 Moscow

/** One instance fed event after event, each a minute after the last; a refused event fails the test. */
function drive(key: string) {
  const process = processOf(key);
  let instance: ProcessInstance = createInstance(process);
  let at = t0;
  const feed = (event: ProcessEvent, refused?: string): ProcessEffect[] => {
    const step = stepProcess(process, instance, event, fixedClock(at));
    at += 60_000;
    expect(step.refused).toBe(refused);
    instance = step.state;
    return step.effects;
  };
  return { feed, state: () => instance, now: () => at };
}

const ofType = <T extends ProcessEffect['type']>(effects: ProcessEffect[], type: T) =>
  effects.filter((e): e is Extract<ProcessEffect, { type: T }> => e.type === type);
const taskOf = (effects: ProcessEffect[]) => {
  const tasks = ofType(effects, 'createTask');
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
};

const request = { entity: 'request', id: 'R-1' };
const fromRequest = (amount: number | string) =>
  ({
    type: 'start',
    startEvent: 'start-request',
    actor: 'olga',
    record: request,
    variables: { orderNumber: '100245', amount },
  }) satisfies ProcessEvent;
const small = fromRequest(1490);
const large = fromRequest(15_000);

describe('support-desk process «Согласование возврата денег»', () => {
  const decisions = (run: ReturnType<typeof drive>) =>
    run.state().decisions.map((d) => `${d.round}/${d.slot} ${d.actor} ${d.outcome}`);
  const decide = (
    task: { taskId: string },
    actor: string,
    outcome: string,
    comment?: string,
  ): ProcessEvent => ({
    type: 'taskCompleted',
    taskId: task.taskId,
    actor,
    outcome,
    ...(comment ? { comment } : {}),
  });

  it('over 10 000 ₽ asks the head of support and accounting at once, each with a day and a reminder; both approve', () => {
    const run = drive('refund-approval');
    const started = run.feed(large);
    const [head, accounting] = ofType(started, 'createTask');
    expect([head, accounting].map((t) => t && [t.nodeId, t.kind, t.assignee, t.dueAt])).toEqual([
      ['approve-large', 'approval', { kind: 'role', value: 'supervisor' }, t0 + day],
      ['approve-large', 'approval', { kind: 'line', value: 'accounting' }, t0 + day],
    ]);
    expect(head).toMatchObject({ title: 'Согласовать крупный возврат', record: request });
    expect(ofType(started, 'scheduleTimer').map((t) => t.at)).toEqual([
      t0 + day,
      t0 + day - 4 * 3_600_000,
      t0 + day,
      t0 + day - 4 * 3_600_000,
    ]);

    // Four eyes: the operator who filed the refund cannot approve it, even holding the role.
    run.feed(decide(head!, 'olga', 'approve'), 'four eyes: the author of the document cannot decide on it');
    // In parallel the order does not matter: accounting first, then the head; nothing moves until both have.
    expect(ofType(run.feed(decide(accounting!, 'marina', 'approve')), 'createTask')).toEqual([]);
    const approved = run.feed(decide(head!, 'svetlana', 'approve'));
    const status = ofType(approved, 'setStatus');
    expect(status).toEqual([
      { type: 'setStatus', requestId: expect.any(String), status: 'resolved', record: request },
    ]);
    const told = ofType(
      run.feed({ type: 'effectResult', requestId: status[0]!.requestId, ok: true }),
      'sendClientMessage',
    );
    expect(told[0]!.text).toContain('Возврат 15000 ₽ по заказу 100245 одобрен');
    expect(run.feed({ type: 'effectResult', requestId: told[0]!.requestId, ok: true })).toEqual([
      { type: 'ended', status: 'completed' },
    ]);
    expect(decisions(run)).toEqual(['1/1 marina approve', '1/0 svetlana approve']);
  });

  it('up to 10 000 ₽ goes to accounting alone; rejected, it tells the client why and leaves the request open', () => {
    const run = drive('refund-approval');
    const task = taskOf(run.feed(small));
    expect(task).toMatchObject({
      nodeId: 'approve',
      kind: 'approval',
      assignee: { kind: 'line', value: 'accounting' },
      title: 'Согласовать возврат денег',
      dueAt: t0 + day,
      record: request,
    });
    const rejected = run.feed(
      decide(task, 'marina', 'reject', 'заказ оплачен бонусами, они уже вернулись на счёт'),
    );
    expect(ofType(rejected, 'setStatus')).toEqual([]);
    const told = ofType(rejected, 'sendClientMessage');
    expect(told[0]!.text).toContain('не можем вернуть деньги по заказу 100245');
    expect(told[0]!.text).toContain('Причина: заказ оплачен бонусами, они уже вернулись на счёт.');
    expect(run.feed({ type: 'effectResult', requestId: told[0]!.requestId, ok: true })).toEqual([
      { type: 'ended', status: 'completed' },
    ]);
    expect(run.state().history.map((h) => h.nodeId)).toEqual([
      'start-request',
      'check-limit',
      'approve',
      'decision',
      'tell-rejected',
      'end-rejected',
    ]);
  });

  it('exactly 10 000 ₽, or an amount written as text, is within the limit', () => {
    for (const amount of [10_000, '9 500', '10000']) {
      const run = drive('refund-approval');
      expect(taskOf(run.feed(fromRequest(amount))).nodeId).toBe('approve');
    }
    const run = drive('refund-approval');
    expect(ofType(run.feed(fromRequest('10 000,01')), 'createTask')).toHaveLength(2);
  });

  it('returned by accounting, closes the head’s task, goes back to its author, then the same stage opens again', () => {
    const run = drive('refund-approval');
    const [head, accounting] = ofType(run.feed(large), 'createTask');
    const returned = run.feed(decide(accounting!, 'marina', 'return', 'Приложите чек'));
    expect(ofType(returned, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: head!.taskId }]);
    const revision = taskOf(returned);
    expect(revision).toMatchObject({
      kind: 'revision',
      assignee: { kind: 'user', value: 'olga' },
      record: request,
    });
    expect(run.state().variables.outcomeComment).toBe('Приложите чек');

    run.feed(
      { type: 'taskCompleted', taskId: revision.taskId, actor: 'svetlana' },
      'the revision is the author’s task',
    );
    const again = ofType(
      run.feed({ type: 'taskCompleted', taskId: revision.taskId, actor: 'olga' }),
      'createTask',
    );
    expect(again.map((t) => t.assignee)).toEqual([
      { kind: 'role', value: 'supervisor' },
      { kind: 'line', value: 'accounting' },
    ]);
    run.feed(decide(again[0]!, 'svetlana', 'approve'));
    expect(ofType(run.feed(decide(again[1]!, 'marina', 'approve')), 'setStatus')).toMatchObject([
      { status: 'resolved', record: request },
    ]);
    expect(decisions(run)).toEqual(['1/1 marina return', '2/0 svetlana approve', '2/1 marina approve']);
  });

  it('started by the bot (no author), a return goes to the operators to complete the request, then back', () => {
    const run = drive('refund-approval');
    const first = taskOf(run.feed({ type: 'start', variables: { orderNumber: '100245', amount: '1490' } }));
    expect(run.state().history[0]?.nodeId).toBe('start-api');
    const revise = taskOf(run.feed(decide(first, 'marina', 'return', 'Нет номера чека')));
    expect(revise).toMatchObject({
      kind: 'user',
      nodeId: 'revise',
      assignee: { kind: 'role', value: 'operator' },
    });
    // The operators found the receipt, and the refund is larger than the client said: the limit is checked again.
    const again = ofType(
      run.feed({
        type: 'taskCompleted',
        taskId: revise.taskId,
        actor: 'ivan',
        variables: { amount: 14_900 },
      }),
      'createTask',
    );
    expect(again.map((t) => [t.nodeId, t.assignee.value])).toEqual([
      ['approve-large', 'supervisor'],
      ['approve-large', 'accounting'],
    ]);
  });

  it('when the request cannot be updated or the client cannot be written to, accounting tells them by hand', () => {
    const run = drive('refund-approval');
    const first = taskOf(run.feed({ type: 'start', variables: { orderNumber: '100245', amount: '1490' } }));
    const status = ofType(run.feed(decide(first, 'marina', 'approve')), 'setStatus');
    expect(status).toEqual([{ type: 'setStatus', requestId: expect.any(String), status: 'resolved' }]);
    const failedStatus = { code: 'no_record', message: 'the instance has no record' };
    const told = ofType(
      run.feed({ type: 'effectResult', requestId: status[0]!.requestId, ok: false, error: failedStatus }),
      'sendClientMessage',
    );
    expect(told).toHaveLength(1);
    const byHand = taskOf(
      run.feed({
        type: 'effectResult',
        requestId: told[0]!.requestId,
        ok: false,
        error: { message: 'the client has no conversation' },
      }),
    );
    expect(byHand).toMatchObject({
      kind: 'user',
      nodeId: 'tell-by-hand',
      assignee: { kind: 'line', value: 'accounting' },
      title: 'Сообщить клиенту решение вручную',
    });
    expect(run.feed({ type: 'taskCompleted', taskId: byHand.taskId, actor: 'marina' })).toEqual([
      { type: 'ended', status: 'completed' },
    ]);
    expect(
      run
        .state()
        .history.map((h) => `${h.nodeId} ${h.outcome}`)
        .slice(-6),
    ).toEqual([
      'set-resolved error',
      'set-failed fired',
      'tell-approved error',
      'tell-approved-failed fired',
      'tell-by-hand completed',
      'end-by-hand ended',
    ]);
  });

  it('reminds each approver four hours before the day is out, then escalates to the supervisor', () => {
    const run = drive('refund-approval');
    const started = run.feed(large);
    const [head, accounting] = ofType(started, 'createTask');
    const [, , due, remind] = ofType(started, 'scheduleTimer');
    expect(run.feed({ type: 'timerFired', key: remind!.key })).toEqual([
      {
        type: 'notifyStaff',
        to: { kind: 'line', value: 'accounting' },
        text: 'Напоминание: согласование «Согласовать крупный возврат»',
        reason: 'reminder',
        taskId: accounting!.taskId,
      },
    ]);
    expect(run.feed({ type: 'timerFired', key: due!.key })).toMatchObject([
      {
        type: 'notifyStaff',
        to: { kind: 'role', value: 'supervisor' },
        reason: 'overdue',
        taskId: accounting!.taskId,
      },
    ]);
    // Both of accounting's timers have fired, so deciding cancels none; the head's task keeps its own deadline.
    const decided = run.feed(decide(accounting!, 'marina', 'approve'));
    expect(ofType(decided, 'cancelTimer')).toEqual([]);
    const waiting = run.state().tokens.flatMap((t) => (t.wait?.kind === 'tasks' ? t.wait.tasks : []));
    expect(waiting.map((t) => t.taskId)).toEqual([head!.taskId]);
  });
});

describe('support-desk process «Проверка статьи базы знаний»', () => {
  const article = { entity: '@kb-article', id: 'a-1' };
  const sent: ProcessEvent = {
    type: 'start',
    startEvent: 'start',
    actor: 'u-anna',
    record: article,
    variables: { articleId: 'a-1', title: 'Как сменить пароль', authorId: 'u-anna' },
  };
  /** The server's answer to the step's setStatus: the article moved. */
  const statusSet = (effects: ProcessEffect[]): ProcessEvent => {
    const [set] = ofType(effects, 'setStatus');
    return { type: 'effectResult', requestId: set!.requestId, ok: true, value: null };
  };

  it('asks the editors and the administrators at once; the first approval publishes the article and the author hears', () => {
    const run = drive('kb-article-review');
    const opened = ofType(run.feed(sent), 'createTask');
    expect(opened.map((t) => t.assignee)).toEqual([
      { kind: 'role', value: 'analyst' },
      { kind: 'role', value: 'admin' },
    ]);
    expect(opened.every((t) => t.record === article)).toBe(true);
    // Four eyes: the author, an editor herself, cannot approve her own article.
    run.feed(
      { type: 'taskCompleted', taskId: opened[0]!.taskId, actor: 'u-anna', outcome: 'approve' },
      'four eyes: the author of the document cannot decide on it',
    );
    const decided = run.feed({
      type: 'taskCompleted',
      taskId: opened[1]!.taskId,
      actor: 'u-admin',
      outcome: 'approve',
    });
    expect(ofType(decided, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: opened[0]!.taskId }]);
    expect(ofType(decided, 'setStatus')).toEqual([
      { type: 'setStatus', requestId: expect.any(String), status: 'published', record: article },
    ]);
    expect(ofType(run.feed(statusSet(decided)), 'notifyStaff')).toEqual([
      {
        type: 'notifyStaff',
        requestId: expect.any(String),
        to: { kind: 'user', value: 'u-anna' },
        text: 'Статья «Как сменить пароль» прошла проверку и опубликована.',
        reason: 'message',
      },
    ]);
  });

  it('returned by an editor, goes back to a draft at once and tells the author what to change', () => {
    const run = drive('kb-article-review');
    const opened = ofType(run.feed(sent), 'createTask');
    const returned = run.feed({
      type: 'taskCompleted',
      taskId: opened[0]!.taskId,
      actor: 'u-editor',
      outcome: 'return',
      comment: 'Добавьте снимки экрана',
    });
    expect(ofType(returned, 'createTask')).toEqual([]);
    expect(ofType(returned, 'setStatus')[0]).toMatchObject({ status: 'draft', record: article });
    expect(ofType(run.feed(statusSet(returned)), 'notifyStaff')[0]).toMatchObject({
      to: { kind: 'user', value: 'u-anna' },
      text: 'Статья «Как сменить пароль» возвращена на доработку. Комментарий редактора: Добавьте снимки экрана',
    });
  });

  it('rejected by both the editors and the administrators (any one may still approve), goes back to a draft too', () => {
    const run = drive('kb-article-review');
    const opened = ofType(run.feed(sent), 'createTask');
    const reject = (task: number, actor: string) =>
      run.feed({ type: 'taskCompleted', taskId: opened[task]!.taskId, actor, outcome: 'reject' });
    expect(ofType(reject(1, 'u-admin'), 'setStatus')).toEqual([]);
    const rejected = reject(0, 'u-editor');
    expect(ofType(rejected, 'setStatus')[0]).toMatchObject({ status: 'draft', record: article });
  });
});
