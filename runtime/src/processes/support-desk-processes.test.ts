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
 * approval (старший оператор, then бухгалтерия; approve, reject, return for revision, reminder and escalation)
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
const fromRequest: ProcessEvent = {
  type: 'start',
  startEvent: 'start-request',
  actor: 'olga',
  record: request,
  variables: { orderNumber: '100245', amount: 1490 },
};

describe('support-desk process «Согласование возврата денег»', () => {
  it('goes to the senior operator, then accounting; approved, it resolves the request and tells the client', () => {
    const run = drive('refund-approval');
    const started = run.feed(fromRequest);
    const first = taskOf(started);
    expect(first).toMatchObject({
      kind: 'approval',
      nodeId: 'approve',
      assignee: { kind: 'role', value: 'supervisor' },
      title: 'Согласовать возврат денег',
      dueAt: t0 + day,
      record: request,
    });
    expect(ofType(started, 'scheduleTimer').map((t) => t.at)).toEqual([t0 + day, t0 + day - 4 * 3_600_000]);

    // Four eyes: the operator who filed the refund cannot approve it, even holding the role.
    run.feed(
      { type: 'taskCompleted', taskId: first.taskId, actor: 'olga', outcome: 'approve' },
      'four eyes: the author of the document cannot decide on it',
    );

    const second = taskOf(
      run.feed({ type: 'taskCompleted', taskId: first.taskId, actor: 'svetlana', outcome: 'approve' }),
    );
    expect(second).toMatchObject({ kind: 'approval', assignee: { kind: 'line', value: 'accounting' } });

    const approved = run.feed({
      type: 'taskCompleted',
      taskId: second.taskId,
      actor: 'marina',
      outcome: 'approve',
    });
    const status = ofType(approved, 'setStatus');
    expect(status).toEqual([
      { type: 'setStatus', requestId: expect.any(String), status: 'resolved', record: request },
    ]);
    const told = ofType(
      run.feed({ type: 'effectResult', requestId: status[0]!.requestId, ok: true }),
      'sendClientMessage',
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('Возврат 1490 ₽ по заказу 100245 одобрен');
    expect(run.feed({ type: 'effectResult', requestId: told[0]!.requestId, ok: true })).toEqual([
      { type: 'ended', status: 'completed' },
    ]);
    expect(run.state().decisions.map((d) => `${d.round}/${d.slot} ${d.actor} ${d.outcome}`)).toEqual([
      '1/0 svetlana approve',
      '1/1 marina approve',
    ]);
  });

  it('rejected by accounting, tells the client why and leaves the request open', () => {
    const run = drive('refund-approval');
    const first = taskOf(run.feed(fromRequest));
    const second = taskOf(
      run.feed({ type: 'taskCompleted', taskId: first.taskId, actor: 'svetlana', outcome: 'approve' }),
    );
    const rejected = run.feed({
      type: 'taskCompleted',
      taskId: second.taskId,
      actor: 'marina',
      outcome: 'reject',
      comment: 'заказ оплачен бонусами, они уже вернулись на счёт',
    });
    expect(ofType(rejected, 'setStatus')).toEqual([]);
    const told = ofType(rejected, 'sendClientMessage');
    expect(told[0]!.text).toContain('не можем вернуть деньги по заказу 100245');
    expect(told[0]!.text).toContain('Причина: заказ оплачен бонусами, они уже вернулись на счёт.');
    expect(run.feed({ type: 'effectResult', requestId: told[0]!.requestId, ok: true })).toEqual([
      { type: 'ended', status: 'completed' },
    ]);
    expect(run.state().history.map((h) => h.nodeId)).toEqual([
      'start-request',
      'approve',
      'decision',
      'tell-rejected',
      'end-rejected',
    ]);
  });

  it('returned for revision, goes back to its author, then the same stage opens from the senior operator', () => {
    const run = drive('refund-approval');
    const first = taskOf(run.feed(fromRequest));
    const second = taskOf(
      run.feed({ type: 'taskCompleted', taskId: first.taskId, actor: 'svetlana', outcome: 'approve' }),
    );
    const returned = run.feed({
      type: 'taskCompleted',
      taskId: second.taskId,
      actor: 'marina',
      outcome: 'return',
      comment: 'Приложите чек',
    });
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
    const again = taskOf(run.feed({ type: 'taskCompleted', taskId: revision.taskId, actor: 'olga' }));
    expect(again).toMatchObject({ kind: 'approval', assignee: { kind: 'role', value: 'supervisor' } });
    const accounting = taskOf(
      run.feed({ type: 'taskCompleted', taskId: again.taskId, actor: 'svetlana', outcome: 'approve' }),
    );
    const approved = run.feed({
      type: 'taskCompleted',
      taskId: accounting.taskId,
      actor: 'marina',
      outcome: 'approve',
    });
    expect(ofType(approved, 'setStatus')).toMatchObject([{ status: 'resolved', record: request }]);
    expect(run.state().decisions.map((d) => `${d.round}/${d.slot} ${d.actor} ${d.outcome}`)).toEqual([
      '1/0 svetlana approve',
      '1/1 marina return',
      '2/0 svetlana approve',
      '2/1 marina approve',
    ]);
  });

  it('started by the bot (no author), a return goes to the operators to complete the request, then back', () => {
    const run = drive('refund-approval');
    const first = taskOf(run.feed({ type: 'start', variables: { orderNumber: '100245', amount: '1490' } }));
    expect(run.state().history[0]?.nodeId).toBe('start-api');
    const revise = taskOf(
      run.feed({
        type: 'taskCompleted',
        taskId: first.taskId,
        actor: 'svetlana',
        outcome: 'return',
        comment: 'Нет номера чека',
      }),
    );
    expect(revise).toMatchObject({
      kind: 'user',
      nodeId: 'revise',
      assignee: { kind: 'role', value: 'operator' },
    });
    const again = taskOf(run.feed({ type: 'taskCompleted', taskId: revise.taskId, actor: 'ivan' }));
    expect(again).toMatchObject({
      kind: 'approval',
      nodeId: 'approve',
      assignee: { kind: 'role', value: 'supervisor' },
    });
  });

  it('when the request cannot be updated or the client cannot be written to, accounting tells them by hand', () => {
    const run = drive('refund-approval');
    const first = taskOf(run.feed({ type: 'start', variables: { orderNumber: '100245', amount: '1490' } }));
    const second = taskOf(
      run.feed({ type: 'taskCompleted', taskId: first.taskId, actor: 'svetlana', outcome: 'approve' }),
    );
    const status = ofType(
      run.feed({ type: 'taskCompleted', taskId: second.taskId, actor: 'marina', outcome: 'approve' }),
      'setStatus',
    );
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

  it('reminds the approver four hours before the working day is out, then escalates to the supervisor', () => {
    const run = drive('refund-approval');
    const started = run.feed(fromRequest);
    const task = taskOf(started);
    const [due, remind] = ofType(started, 'scheduleTimer');
    expect(run.feed({ type: 'timerFired', key: remind!.key })).toEqual([
      {
        type: 'notifyStaff',
        to: { kind: 'role', value: 'supervisor' },
        text: 'Напоминание: согласование «Согласовать возврат денег»',
        reason: 'reminder',
        taskId: task.taskId,
      },
    ]);
    expect(run.feed({ type: 'timerFired', key: due!.key })).toMatchObject([
      {
        type: 'notifyStaff',
        to: { kind: 'role', value: 'supervisor' },
        reason: 'overdue',
        taskId: task.taskId,
      },
    ]);
    // Deciding closes the deadline: the next stage gets its own.
    const next = run.feed({
      type: 'taskCompleted',
      taskId: task.taskId,
      actor: 'svetlana',
      outcome: 'approve',
    });
    expect(ofType(next, 'createTask')[0]?.dueAt).toBe(run.now() - 60_000 + day);
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
