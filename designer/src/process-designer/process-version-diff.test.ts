import type { ProcessNode } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { isSame, processVersionDiff } from './process-version-diff';
import { sampleProcess } from './sample-process';

const ids = (items: { id: string }[]) => items.map((x) => x.id);

describe('a process version against the draft', () => {
  it('lists nodes and flows added, removed and changed, and not those only moved', () => {
    const version = sampleProcess();
    const draft = structuredClone(version);
    draft.nodes[0] = { ...(draft.nodes[0] as ProcessNode), position: { x: 900, y: 40 } };
    draft.nodes[1] = { ...(draft.nodes[1] as ProcessNode), name: 'Согласовать у руководителя' };
    draft.nodes = draft.nodes.filter((n) => n.id !== 'refused');
    draft.nodes.push({
      id: 'notify',
      type: 'bpmn.endEvent',
      typeVersion: 1,
      config: { result: 'terminate' },
    });
    draft.flows = draft.flows.filter((f) => f.id !== 'f4');
    draft.flows.push({ id: 'f5', source: 'decide', target: 'notify', isDefault: true });
    draft.flows[0] = { id: 'f1', source: 'start', target: 'approve', waypoints: [{ x: 1, y: 2 }] };
    draft.flows[1] = { id: 'f2', source: 'approve', target: 'decide', name: 'Решение' };
    const diff = processVersionDiff(version, draft);
    expect(diff && ids(diff.added)).toEqual(['notify']);
    expect(diff && ids(diff.removed)).toEqual(['refused']);
    expect(diff && ids(diff.changed)).toEqual(['approve']);
    expect(diff && ids(diff.flowsAdded)).toEqual(['f5']);
    expect(diff && ids(diff.flowsRemoved)).toEqual(['f4']);
    expect(diff && ids(diff.flowsChanged)).toEqual(['f2']);
    expect(diff?.settingsChanged).toBe(false);
  });

  it('notices changed settings, and says when the draft is the version', () => {
    const version = sampleProcess();
    const same = processVersionDiff(version, structuredClone(version));
    expect(same && isSame(same)).toBe(true);
    const diff = processVersionDiff(version, { ...structuredClone(version), title: { ru: 'Другой' } });
    expect(diff?.settingsChanged).toBe(true);
    expect(diff && isSame(diff)).toBe(false);
  });

  it('says nothing of bodies that are not processes', () => {
    expect(processVersionDiff({ schemaVersion: 1 }, sampleProcess())).toBeNull();
    expect(processVersionDiff(sampleProcess(), null)).toBeNull();
  });
});
