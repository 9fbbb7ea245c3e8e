import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProcessNodeSchema } from '../definitions/process/schema.js';
import { nodeShapes, nodeTypes } from './nodes/shapes.js';
import { nodeRegistry } from './registry.js';

const nodesFolder = join(fileURLToPath(new URL('.', import.meta.url)), 'nodes');

describe('node registry', () => {
  it.each(nodeTypes)('%s has its folder with a schema and a run', (type) => {
    for (const file of ['schema.ts', 'run.ts']) expect(existsSync(join(nodesFolder, type, file))).toBe(true);
    expect(nodeRegistry[type].schema).toBe(nodeShapes[type].schema);
    expect(nodeShapes[type].schema.properties.type?.const).toBe(type);
  });

  it('builds the definition schema from every node type', () => {
    expect(
      ProcessNodeSchema.anyOf.map((s) => (s.properties as unknown as { type: { const: string } }).type.const),
    ).toEqual(nodeTypes);
  });

  it('gives a resume to every node type a token waits at for an event', () => {
    const resumedByEngine = new Set([
      'bpmn.eventBasedGateway',
      'bpmn.parallelGateway',
      'bpmn.inclusiveGateway',
      'bpmn.subProcess',
    ]);
    for (const type of nodeTypes)
      if (!resumedByEngine.has(type))
        expect([type, nodeShapes[type].waits]).toEqual([type, nodeRegistry[type].resume !== undefined]);
  });
});
