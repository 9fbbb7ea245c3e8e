import type { PortalBody, PortalMenuItem } from '@opora/runtime/definitions';

type Menu = PortalBody['menu'];

/** Menu item ids are unique (portal-semantics); new ones are readable: item, item-2, … */
export function freshMenuId(menu: Menu, base = 'item'): string {
  const used = new Set(menu.map((i) => i.id));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function addMenuItem(menu: Menu, item: Omit<PortalMenuItem, 'id'>): { menu: Menu; id: string } {
  const id = freshMenuId(menu);
  return { menu: [...menu, { id, ...item }], id };
}

export const removeMenuItem = (menu: Menu, id: string): Menu => menu.filter((i) => i.id !== id);

export function updateMenuItem(menu: Menu, id: string, item: PortalMenuItem): Menu {
  return menu.map((i) => (i.id === id ? item : i));
}

/** Puts the item at final position `to` (clamped); the same menu when nothing moves. */
export function moveMenuItem(menu: Menu, id: string, to: number): Menu {
  const from = menu.findIndex((i) => i.id === id);
  const target = Math.max(0, Math.min(to, menu.length - 1));
  if (from < 0 || from === target) return menu;
  const next = [...menu];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as PortalMenuItem);
  return next;
}

/** A menu target is a portal path or an https/http address (the schema's pattern). */
export const validTarget = (to: string): boolean => /^(https?:\/\/\S+|\/\S*)$/.test(to);
