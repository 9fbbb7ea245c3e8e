import { validateDefinitionBody } from '@opora/runtime/definitions';
import type { NodeOfType } from '@opora/runtime/processes';
import { describe, expect, it } from 'vitest';
import { figureOf } from '../figure-of';
import { newNode } from '../new-nodes';
import { sampleProcess } from '../sample-process';
import {
  defaultMultiInstance,
  editedMultiInstance,
  elementNameProblem,
  toggledMultiInstance,
} from './multi-instance-config';
import { withConfig } from './panel-props';

/** A user task added to the sample process, as the panel's onChange would leave it after `mi`. */
function taskWith(mi: ReturnType<typeof toggledMultiInstance>) {
  const body = sampleProcess();
  const task = newNode(body, 'bpmn.userTask', { x: 0, y: 400 }) as NodeOfType<'bpmn.userTask'>;
  const next = withConfig(task, { multiInstance: mi });
  body.nodes.push(next);
  const at = `/nodes/${body.nodes.length - 1}/config`;
  const problems = (locale: 'ru' | 'en' = 'en') =>
    validateDefinitionBody('process', body, locale)
      .filter((p) => p.pointer.startsWith(at))
      .map((p) => `${p.pointer.slice(at.length)} ${p.code}`);
  return { node: next, problems };
}

describe('«for each item of a list» in the panels', () => {
  it('turned on, sets parallel runs over a list still to write, each item as `item`; the schema accepts it', () => {
    const mi = toggledMultiInstance(undefined, true);
    expect(mi).toEqual({ mode: 'parallel', collection: '', element: 'item' });
    const { node, problems } = taskWith(mi);
    expect(node.config.multiInstance).toEqual(mi);
    // Only the missing list is named (by the publish check, not the schema).
    expect(problems()).toEqual(['/multiInstance/collection required']);
  });

  it('turned on again, keeps what was there; turned off, removes the setting from the config', () => {
    const set = { mode: 'sequential' as const, collection: 'approvers', element: 'approver' };
    expect(toggledMultiInstance(set, true)).toBe(set);
    const { node } = taskWith(toggledMultiInstance(set, false));
    expect('multiInstance' in node.config).toBe(false);
    expect(node.config.assignee).toEqual({ kind: 'role', value: 'operator' });
  });

  it('editing the fields updates the config; a cleared completion condition is dropped', () => {
    let mi = defaultMultiInstance();
    mi = editedMultiInstance(mi, { mode: 'sequential' });
    mi = editedMultiInstance(mi, { collection: 'order.lines' });
    mi = editedMultiInstance(mi, { element: 'line' });
    mi = editedMultiInstance(mi, { completionCondition: 'nrOfCompletedInstances >= 2' });
    expect(mi).toEqual({
      mode: 'sequential',
      collection: 'order.lines',
      element: 'line',
      completionCondition: 'nrOfCompletedInstances >= 2',
    });
    expect(taskWith(mi).problems()).toEqual([]);
    mi = editedMultiInstance(mi, { completionCondition: '' });
    expect(mi).toEqual({ mode: 'sequential', collection: 'order.lines', element: 'line' });
  });

  it('says inline why an element name cannot be a variable, and the check names it too', () => {
    expect(elementNameProblem('item')).toBeNull();
    expect(elementNameProblem('_row2')).toBeNull();
    expect(elementNameProblem('')).toBe('elementRequired');
    expect(elementNameProblem('2nd')).toBe('elementInvalid');
    expect(elementNameProblem('элемент')).toBe('elementInvalid');
    expect(elementNameProblem('a-b')).toBe('elementInvalid');
    const mi = { mode: 'parallel' as const, collection: 'items', element: 'a-b' };
    expect(taskWith(mi).problems()).toEqual(['/multiInstance/element pattern']);
  });

  it('puts the marker on the canvas only for a multi-instance activity, by its mode', () => {
    const { node } = taskWith(undefined);
    expect(figureOf(node).loop).toBeUndefined();
    expect(figureOf(taskWith(defaultMultiInstance()).node).loop).toBe('parallel');
    const sub = {
      id: 's',
      type: 'bpmn.subProcess',
      typeVersion: 1,
      config: {},
    } as NodeOfType<'bpmn.subProcess'>;
    expect(
      figureOf(withConfig(sub, { multiInstance: { ...defaultMultiInstance(), mode: 'sequential' } })).loop,
    ).toBe('sequential');
  });
});
