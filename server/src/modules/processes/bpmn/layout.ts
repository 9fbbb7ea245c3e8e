import type { Locale, Problem } from '@opora/runtime/definitions';
import { layoutProcess } from 'bpmn-auto-layout';
import type { BpmnBody } from './body-types.js';
import { refuseHostileXml } from './refuse-hostile.js';

/** Files with more flow nodes than this are placed in layers instead: the auto-layout is quadratic in places. */
const autoLayoutMaxNodes = 300;

/**
 * A file with no diagram (DI) gets one from bpmn-auto-layout, so the designer can show it; the XML is checked
 * for hostility first, since the layout parses it too. When the layout fails, the import places nodes in layers.
 */
export async function layoutIfMissing(
  xml: string,
  locale: Locale,
): Promise<{ xml: string; problems: Problem[] }> {
  if (/BPMNShape\b/.test(xml)) return { xml, problems: [] };
  refuseHostileXml(xml, locale);
  const flowNodes =
    xml.match(/<(\w+:)?(\w+(Task|Event|Gateway)|task|subProcess|callActivity)\b/g)?.length ?? 0;
  // bpmn-auto-layout follows the nodes' incoming/outgoing references; without them it stacks the nodes.
  if (flowNodes > autoLayoutMaxNodes || !/<(\w+:)?outgoing>/.test(xml)) return { xml, problems: [] };
  try {
    const laidOut = await layoutProcess(xml);
    return { xml: laidOut, problems: [layoutComputed(locale)] };
  } catch {
    return { xml, problems: [] };
  }
}

export const layoutComputed = (locale: Locale): Problem => ({
  pointer: '/nodes',
  code: 'layout_computed',
  message:
    locale === 'en'
      ? 'The file had no diagram: positions were computed'
      : 'В файле не было схемы: расположение рассчитано автоматически',
});

/**
 * Places nodes with no position left to right by their distance from the starts (a layered layout), each layer
 * top to bottom — enough for the designer to show a file that came without a diagram.
 */
export function placeInLayers(body: BpmnBody): boolean {
  const unplaced = body.nodes.filter((node) => !node.position && !node.parent);
  if (unplaced.length === 0) return false;
  const next = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  for (const flow of body.flows) {
    next.set(flow.source, [...(next.get(flow.source) ?? []), flow.target]);
    incoming.set(flow.target, (incoming.get(flow.target) ?? 0) + 1);
  }
  const layer = new Map<string, number>();
  const queue = unplaced.filter((node) => !incoming.get(node.id)).map((node) => node.id);
  for (const id of queue) layer.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    for (const target of next.get(id) ?? [])
      if (!layer.has(target)) {
        layer.set(target, (layer.get(id) ?? 0) + 1);
        queue.push(target);
      }
  }
  const rows = new Map<number, number>();
  for (const node of unplaced) {
    const column = layer.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    node.position = { x: 100 + column * 180, y: 100 + row * 120, ...size(node.type) };
  }
  return true;
}

export function size(type: string): { width: number; height: number } {
  if (type.endsWith('Event')) return { width: 36, height: 36 };
  if (type.endsWith('Gateway')) return { width: 50, height: 50 };
  if (type === 'bpmn.subProcess') return { width: 350, height: 200 };
  return { width: 100, height: 80 };
}
