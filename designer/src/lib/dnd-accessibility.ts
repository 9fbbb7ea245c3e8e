import type { Active, Announcements, Over, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** How a drag item or drop area is called aloud. */
export type DndNamer = (id: UniqueIdentifier, data: Record<string, unknown> | undefined) => string;

/** Its `data.label` when it has one, else its id without the designers' prefixes (`palette:field:subject` → subject). */
export const byLabel: DndNamer = (id, data) =>
  typeof data?.label === 'string' ? data.label : String(id).replace(/^(?:[a-z]+:)+/, '');

/**
 * What screen readers hear while dragging, in the UI's language — dnd-kit's own messages are English
 * («Picked up draggable item…»). Every DndContext of the designer passes this as its `accessibility` prop.
 */
export function dndAccessibility(
  t: TFunction,
  name: DndNamer = byLabel,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const item = (active: Active) => name(active.id, active.data.current);
  const target = (over: Over) => name(over.id, over.data.current);
  return {
    screenReaderInstructions: { draggable: t('shell.dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('shell.dnd.pickedUp', { item: item(active) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('shell.dnd.over', { item: item(active), target: target(over) })
          : t('shell.dnd.notOver', { item: item(active) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('shell.dnd.dropped', { item: item(active), target: target(over) })
          : t('shell.dnd.droppedNowhere', { item: item(active) }),
      onDragCancel: ({ active }) => t('shell.dnd.cancelled', { item: item(active) }),
    },
  };
}

/**
 * The `attributes` a drag handle passes to `useDraggable` / `useSortable`: its role described in the UI's language
 * (dnd-kit's own is «draggable» / «sortable»).
 */
export function useDragHandleAttributes(): { roleDescription: string } {
  const { t } = useTranslation();
  return useMemo(() => ({ roleDescription: t('shell.dnd.roleDescription') }), [t]);
}

/** `dndAccessibility` for a component, following the UI's language. */
export function useDndAccessibility(name?: DndNamer): ReturnType<typeof dndAccessibility> {
  const { t } = useTranslation();
  return useMemo(() => dndAccessibility(t, name), [t, name]);
}
