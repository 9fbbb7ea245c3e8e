import { slugFromTitle, type TreeBody } from '@opora/runtime/definitions';
import { renameNode, updateNode } from './tree-ops';

/**
 * Node ids end up in the portal's addresses (`/help/<tree>/<node>`), so they are made from the node's title the way
 * article keys are: «Забыл пароль» → `zabyl-parol`. Within a tree an id is unique: a second «Забыл пароль» gets
 * `zabyl-parol-2`. A title with nothing to spell (empty, only signs) gives `variant`.
 */
const fallback = 'variant';
/** Room for a `-NNN` suffix within the schema's 64 characters. */
const maxBase = 56;

export function nodeIdFromTitle(body: TreeBody, title: string, except?: string): string {
  const used = new Set(body.nodes.flatMap((n) => (n.id === except ? [] : [n.id])));
  const base = slugFromTitle(title, maxBase, '') || fallback;
  if (!used.has(base)) return base;
  let k = 2;
  while (used.has(`${base}-${k}`)) k += 1;
  return `${base}-${k}`;
}

/**
 * Which ids may still follow their node's title: those made in this editing session and absent from the published
 * version. An id that was ever published is in somebody's link, so it never changes.
 */
export class FreshIds {
  private readonly fresh = new Set<string>();
  private published = new Set<string>();

  /** A node this session created. */
  add(id: string): void {
    this.fresh.add(id);
  }

  /** A version was published: everything made so far is in it. */
  fixAll(): void {
    this.fresh.clear();
  }

  /** The published version's ids, once loaded. */
  setPublished(ids: Iterable<string>): void {
    this.published = new Set(ids);
  }

  canRename(id: string): boolean {
    return this.fresh.has(id) && !this.published.has(id);
  }

  /** The old id stays fresh too: undo brings it back, and typing on renames it again. */
  renamed(from: string, to: string): void {
    if (this.fresh.has(from)) this.fresh.add(to);
  }
}

/**
 * A new title for node `id`; when its id may follow (see `FreshIds`), the id is made from the Russian title
 * (or, without one, the English). Returns the body and the id the node has afterwards.
 */
export function retitle(
  body: TreeBody,
  id: string,
  title: { ru: string; en?: string },
  mayRename: boolean,
): { body: TreeBody; id: string } {
  const titled = updateNode(body, id, { title });
  if (!mayRename) return { body: titled, id };
  const to = nodeIdFromTitle(titled, title.ru.trim() || title.en || '', id);
  const renamed = renameNode(titled, id, to);
  return renamed === titled ? { body: titled, id } : { body: renamed, id: to };
}
