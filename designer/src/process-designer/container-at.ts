import type { ProcessBody } from '@opora/runtime/definitions';
import type { Box } from './process-layout';

/**
 * The innermost sub-process whose box holds `point`, or undefined for the top level: a node dropped there becomes
 * its child (`parent`), as BPMN tools nest what is drawn inside an expanded sub-process.
 */
export function containerAt(
  body: Pick<ProcessBody, 'nodes'>,
  layout: ReadonlyMap<string, Box>,
  point: { x: number; y: number },
): string | undefined {
  let found: { id: string; area: number } | undefined;
  for (const node of body.nodes) {
    if (node.type !== 'bpmn.subProcess') continue;
    const box = layout.get(node.id);
    if (!box) continue;
    const inside =
      point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    const area = box.width * box.height;
    if (inside && (!found || area < found.area)) found = { id: node.id, area };
  }
  return found?.id;
}
