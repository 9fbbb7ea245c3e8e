import type { FormElement } from '@opora/runtime/definitions';

/**
 * Pure edits of a form layout, each returning a new layout (the designer keeps old ones for undo).
 * A container is named by an id: 'root' for the top level, a block's id, a column's id or a tab's id
 * (ids are unique across a form), so moves between any two places are one operation.
 */
export const root = 'root';

type Children = FormElement[];

/** The children of a container, or undefined when no container has that id. */
export function childrenOf(layout: Children, containerId: string): Children | undefined {
  if (containerId === root) return layout;
  for (const element of layout) {
    const found = childrenInElement(element, containerId);
    if (found) return found;
  }
  return undefined;
}

function childrenInElement(element: FormElement, containerId: string): Children | undefined {
  const inner = innerContainers(element);
  for (const container of inner) {
    if (container.id === containerId) return container.children;
    for (const child of container.children) {
      const found = childrenInElement(child, containerId);
      if (found) return found;
    }
  }
  return undefined;
}

/** The containers an element holds: a block itself, each column, each tab. */
export function innerContainers(element: FormElement): { id: string; children: Children }[] {
  if (element.type === 'block') return [{ id: element.id, children: element.children as Children }];
  if (element.type === 'columns')
    return element.columns.map((c) => ({ id: c.id, children: c.children as Children }));
  if (element.type === 'tabs')
    return element.tabs.map((t) => ({ id: t.id, children: t.children as Children }));
  return [];
}

/** Where an element sits: its container and index. */
export function locate(
  layout: Children,
  id: string,
  containerId = root,
): { containerId: string; index: number } | undefined {
  const children = childrenOf(layout, containerId) ?? [];
  for (const [index, element] of children.entries()) {
    if (element.id === id) return { containerId, index };
    for (const container of innerContainers(element)) {
      const found = locate(layout, id, container.id);
      if (found) return found;
    }
  }
  return undefined;
}

export function findElement(layout: Children, id: string): FormElement | undefined {
  const at = locate(layout, id);
  return at ? childrenOf(layout, at.containerId)?.[at.index] : undefined;
}

/** Every element in the layout, depth first. */
export function* allElements(layout: Children): Generator<FormElement> {
  for (const element of layout) {
    yield element;
    for (const container of innerContainers(element)) yield* allElements(container.children);
  }
}

/** Ids of all containers inside an element (to refuse dropping a block into itself). */
export function containerIdsWithin(element: FormElement): Set<string> {
  const ids = new Set<string>();
  const visit = (e: FormElement) => {
    for (const container of innerContainers(e)) {
      ids.add(container.id);
      for (const child of container.children) visit(child);
    }
  };
  visit(element);
  return ids;
}

/** A deep copy with one container's children replaced. */
function withChildren(
  layout: Children,
  containerId: string,
  change: (children: Children) => Children,
): Children {
  if (containerId === root) return change(layout);
  return layout.map((element) => withChildrenIn(element, containerId, change));
}

function withChildrenIn(
  element: FormElement,
  containerId: string,
  change: (children: Children) => Children,
): FormElement {
  const recurse = (children: Children) => children.map((child) => withChildrenIn(child, containerId, change));
  switch (element.type) {
    case 'block':
      return {
        ...element,
        children:
          element.id === containerId
            ? change(element.children as Children)
            : recurse(element.children as Children),
      };
    case 'columns':
      return {
        ...element,
        columns: element.columns.map((c) => ({
          ...c,
          children: c.id === containerId ? change(c.children as Children) : recurse(c.children as Children),
        })),
      };
    case 'tabs':
      return {
        ...element,
        tabs: element.tabs.map((t) => ({
          ...t,
          children: t.id === containerId ? change(t.children as Children) : recurse(t.children as Children),
        })),
      };
    default:
      return element;
  }
}

export function insertElement(
  layout: Children,
  containerId: string,
  index: number,
  element: FormElement,
): Children {
  return withChildren(layout, containerId, (children) => {
    const at = Math.max(0, Math.min(index, children.length));
    return [...children.slice(0, at), element, ...children.slice(at)];
  });
}

export function removeElement(layout: Children, id: string): Children {
  const at = locate(layout, id);
  if (!at) return layout;
  return withChildren(layout, at.containerId, (children) => children.filter((e) => e.id !== id));
}

/**
 * Moves an element to a container and index (the index as seen before the move). Refuses, returning the layout
 * unchanged, to put a container inside itself.
 */
export function moveElement(layout: Children, id: string, containerId: string, index: number): Children {
  const from = locate(layout, id);
  const element = findElement(layout, id);
  if (!from || !element) return layout;
  if (containerIdsWithin(element).has(containerId)) return layout;
  const target = from.containerId === containerId && from.index < index ? index - 1 : index;
  return insertElement(removeElement(layout, id), containerId, target, element);
}

export function updateElement(layout: Children, id: string, patch: Partial<FormElement>): Children {
  const at = locate(layout, id);
  if (!at) return layout;
  return withChildren(layout, at.containerId, (children) =>
    children.map((e) => (e.id === id ? dropUndefined({ ...e, ...patch } as FormElement) : e)),
  );
}

/** Optional properties cleared in the panel disappear from the JSON instead of staying as undefined. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** A fresh id not used in the layout, readable in the JSON: `block-3`, `subject`, `subject-2`. */
export function freshId(layout: Children, base: string): string {
  const used = new Set<string>([root]);
  for (const element of allElements(layout)) {
    used.add(element.id);
    for (const container of innerContainers(element)) used.add(container.id);
  }
  const clean = base.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 50) || 'element';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}
