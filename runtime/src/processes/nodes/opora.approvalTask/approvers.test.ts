import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../engine.js';
import type { ProcessEffect } from '../../effects.js';
import { createInstance, stepProcess } from '../../engine.js';
import { prepareProcess } from '../../prepared-process.js';
import type { Approvers } from './schema.js';

/** start → approval (parallel, all) → end, with the given approvers. */
function approvalOf(approvers: Approvers) {
  return prepareProcess(
    {
      schemaVersion: 2,
      name: { ru: 'Согласование' },
      nodes: [
        { id: 's', type: 'bpmn.startEvent', typeVersion: 1, config: { trigger: 'none' } },
        {
          id: 'a',
          type: 'opora.approvalTask',
          typeVersion: 1,
          config: { approvers, mode: 'parallel', rule: 'all', fourEyes: true },
        },
        { id: 'e', type: 'bpmn.endEvent', typeVersion: 1, config: {} },
      ],
      flows: [
        { id: 'f1', source: 's', target: 'a' },
        { id: 'f2', source: 'a', target: 'e' },
      ],
    } as never,
    { key: 'p', version: 1 },
  );
}

const assigneesOf = (approvers: Approvers) => {
  const process = approvalOf(approvers);
  const step = stepProcess(process, createInstance(process), { type: 'start' }, fixedClock(0));
  expect(step.refused).toBeUndefined();
  return step.effects
    .filter((e): e is Extract<ProcessEffect, { type: 'createTask' }> => e.type === 'createTask')
    .map((e) => e.assignee);
};

describe('approvers', () => {
  it("asks a line's operators", () => {
    expect(assigneesOf({ kind: 'lines', value: 'accounting, first-line' })).toEqual([
      { kind: 'line', value: 'accounting' },
      { kind: 'line', value: 'first-line' },
    ]);
  });

  it('lets a listed entry name its own kind, so a role and a line decide in one stage', () => {
    expect(assigneesOf({ kind: 'roles', value: ['supervisor', 'line:accounting', 'user: u-7'] })).toEqual([
      { kind: 'role', value: 'supervisor' },
      { kind: 'line', value: 'accounting' },
      { kind: 'user', value: 'u-7' },
    ]);
  });

  it('keeps an entry whose prefix is no kind as it is, and drops an empty one', () => {
    expect(assigneesOf({ kind: 'roles', value: ['team:x', 'line:'] })).toEqual([
      { kind: 'role', value: 'team:x' },
    ]);
  });
});
