import { validateDefinitionBody } from '@opora/runtime/definitions';
import { nodeTypes } from '@opora/runtime/processes';
import { describe, expect, it } from 'vitest';
import { newNode } from '../new-nodes';
import { paletteGroups } from '../Palette';
import { sampleProcess } from '../sample-process';
import { nodePanels } from './panels';

/** Types whose new node names something the analyst must still choose (a host activity, a script to run, a process to call). */
const needsAChoice = new Set(['bpmn.boundaryEvent', 'bpmn.serviceTask', 'bpmn.callActivity']);

describe('node types in the designer', () => {
  it('every node type has a panel and a place in the palette, exactly once', () => {
    expect(Object.keys(nodePanels).sort()).toEqual([...nodeTypes].sort());
    const listed = paletteGroups.flatMap((g) => g.types);
    expect([...listed].sort()).toEqual([...nodeTypes].sort());
  });

  it("a node added from the palette passes the node's schema (only its connections are missing)", () => {
    for (const type of nodeTypes) {
      const body = sampleProcess();
      body.nodes.push(newNode(body, type, { x: 0, y: 400 }));
      const schemaProblems = validateDefinitionBody('process', body, 'en').filter((p) =>
        p.pointer.startsWith('/nodes/5/config'),
      );
      if (needsAChoice.has(type)) expect(schemaProblems.length, type).toBeGreaterThan(0);
      else expect(schemaProblems, type).toEqual([]);
    }
  });
});
