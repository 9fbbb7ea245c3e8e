import { readFile } from 'node:fs/promises';
import { type Bundle, type ProcessBody, validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../processes/bpmn/export-bpmn.js';
import { importBpmn } from '../processes/bpmn/import-bpmn.js';
import { templateBundlePath } from './demo-template.js';

describe('the support-desk template’s processes as BPMN files', () => {
  it('export and read back with their layout, nodes, settings and flows, and no problem', async () => {
    const bundle = JSON.parse(await readFile(templateBundlePath('support-desk'), 'utf8')) as Bundle;
    const processes = bundle.definitions.filter((d) => d.kind === 'process');
    expect(processes.length).toBe(2);
    for (const def of processes) {
      const body = def.body as ProcessBody;
      const back = await importBpmn(exportBpmn(body), 'en');
      expect(back.problems, def.key).toEqual([]);
      expect(validateDefinitionBody('process', back.body, 'en'), def.key).toEqual([]);
      // The file lists boundary events after the other shapes: compare by id.
      const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
        [...items].sort((a, b) => a.id.localeCompare(b.id));
      const where = (b: ProcessBody) =>
        byId(b.nodes).map((n) => [n.id, n.type, n.name, n.position, n.config]);
      const flows = (b: ProcessBody) =>
        byId(b.flows).map((f) => [f.id, f.source, f.target, f.condition, f.isDefault === true]);
      const read = back.body as ProcessBody;
      expect(where(read), def.key).toEqual(where(body));
      expect(flows(read), def.key).toEqual(flows(body));
    }
  });
});
