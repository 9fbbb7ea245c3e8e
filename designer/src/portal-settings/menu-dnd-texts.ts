import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What a screen reader hears while a menu item is moved by keyboard or pointer, in the UI's language: dnd-kit's
 * own texts are English («Picked up draggable item…»). Items are named by their place in the menu («пункт 2»),
 * as the buttons beside them are.
 */
export function menuDragTexts(
  t: Translate,
  ids: readonly UniqueIdentifier[],
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const n = (id: UniqueIdentifier) => ids.indexOf(id) + 1;
  const key = (name: string) => `portalSettings.menu.dnd.${name}`;
  return {
    screenReaderInstructions: { draggable: t(key('instructions')) },
    announcements: {
      onDragStart: ({ active }) => t(key('start'), { n: n(active.id) }),
      onDragOver: ({ active, over }) =>
        over ? t(key('over'), { n: n(active.id), to: n(over.id) }) : t(key('outside'), { n: n(active.id) }),
      onDragEnd: ({ active, over }) =>
        over ? t(key('end'), { n: n(active.id), to: n(over.id) }) : t(key('dropped'), { n: n(active.id) }),
      onDragCancel: ({ active }) => t(key('cancel'), { n: n(active.id) }),
    },
  };
}
