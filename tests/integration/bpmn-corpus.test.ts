import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBpmn, importBpmn } from '@opora/server/bpmn';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';

// The OMG BPMN MIWG reference models live beside the repository (../shared/corpus/bpmn-miwg); a worktree
// elsewhere names the folder in BPMN_CORPUS_DIR.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env.BPMN_CORPUS_DIR ?? resolve(repo, '../shared/corpus/bpmn-miwg');
const files = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((file) => file.endsWith('.bpmn'))
      .sort()
  : [];

/**
 * Elements whose ids the export writes anew: an event's definition and a flow's condition are the node's config,
 * lane sets are rebuilt from lanes. Everything else with an id must come back.
 */
const regenerated = ['bpmn:EventDefinition', 'bpmn:LaneSet', 'bpmn:Expression', 'bpmn:LoopCharacteristics'];

/** Problem codes the schema validation gives (ajv keywords), as opposed to the process checks' own. */
const schemaKeywords = new Set([
  'type',
  'pattern',
  'additionalProperties',
  'maxLength',
  'minLength',
  'const',
  'enum',
  'anyOf',
  'maxItems',
  'minItems',
  'minimum',
  'maximum',
  'format',
]);

interface Summary {
  elements: Map<string, string>;
  shapes: Map<string, string>;
  warnings: string[];
}

/** (id → type and name) of every semantic element, and (element id → bounds or waypoints) of every DI shape. */
async function summarize(xml: string): Promise<Summary> {
  const { rootElement, warnings } = await BpmnModdle().fromXML(xml);
  const elements = new Map<string, string>();
  const shapes = new Map<string, string>();
  const seen = new Set<ModdleElement>();
  const visit = (element: ModdleElement) => {
    if (seen.has(element)) return;
    seen.add(element);
    if (element.$type === 'bpmndi:BPMNShape' || element.$type === 'bpmndi:BPMNEdge') {
      const target = (element.bpmnElement as ModdleElement | undefined)?.id ?? '?';
      const bounds = element.bounds as Record<string, number> | undefined;
      const points = (element.waypoint as Record<string, number>[] | undefined) ?? [];
      shapes.set(
        `${element.$type} ${target}`,
        bounds
          ? `${bounds.x},${bounds.y},${bounds.width},${bounds.height}`
          : points.map((point) => `${point.x},${point.y}`).join(' '),
      );
      return;
    }
    if (
      element.id &&
      !element.$type.startsWith('bpmndi:') &&
      !regenerated.some((type) => element.$instanceOf(type))
    )
      elements.set(element.id, `${element.$type} ${JSON.stringify(element.name ?? null)}`);
    for (const { name, isReference } of element.$descriptor?.properties ?? []) {
      if (isReference) continue;
      const value = element[name];
      for (const child of Array.isArray(value) ? value : [value])
        if (child && typeof child === 'object' && '$type' in child) visit(child as ModdleElement);
    }
  };
  visit(rootElement);
  return { elements, shapes, warnings: warnings.map((warning) => warning.message) };
}

describe.skipIf(files.length === 0)('BPMN MIWG corpus round trip', () => {
  it.each(files)('%s imports, and its export keeps every element, name and position', async (file) => {
    const original = readFileSync(resolve(corpus, file), 'utf8');
    const { body, problems } = await importBpmn(original, 'en');
    // The body fits the process schema: what remains are the checks publish makes (kept elements connected…).
    expect(problems.filter((problem) => schemaKeywords.has(problem.code))).toEqual([]);
    const exported = exportBpmn(body);
    const before = await summarize(original);
    const after = await summarize(exported);
    // Every reference in the exported file resolves (the originals' own dangling ones aside).
    expect(after.warnings.length).toBeLessThanOrEqual(before.warnings.length);
    expect(before.elements.size).toBeGreaterThan(0);
    expect(Object.fromEntries(after.elements)).toEqual(Object.fromEntries(before.elements));
    expect(Object.fromEntries(after.shapes)).toEqual(Object.fromEntries(before.shapes));
    // A second round trip changes nothing: what Opora wrote, it reads back the same (kept XML may name the
    // BPMN namespace by another prefix, so kept entries are compared by id and type, and the file by summary).
    const again = await importBpmn(exported, 'en');
    const { kept, ...graph } = body;
    const { kept: keptAgain, ...graphAgain } = again.body;
    expect(graphAgain).toEqual(graph);
    const keptKeys = (list: typeof kept) =>
      (list ?? []).map((entry) => `${entry.bpmnType} ${entry.id}`).sort();
    expect(keptKeys(keptAgain)).toEqual(keptKeys(kept));
    const exportedAgain = await summarize(exportBpmn(again.body));
    expect(Object.fromEntries(exportedAgain.elements)).toEqual(Object.fromEntries(after.elements));
    expect(Object.fromEntries(exportedAgain.shapes)).toEqual(Object.fromEntries(after.shapes));
  });
});

if (files.length === 0)
  it.skip(`BPMN corpus round trip: no corpus at ${corpus} (set BPMN_CORPUS_DIR)`, () => {});
