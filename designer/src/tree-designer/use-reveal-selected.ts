import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import { cardLayout, type Placement } from './tree-layout';

/**
 * A selected node that a change put out of sight (a new choice, a move) is brought into view; otherwise the
 * view stays where the analyst left it. Walking the tree with the keys keeps the focus on the selected card.
 */
export function useRevealSelected(
  canvas: RefObject<HTMLElement | null>,
  selected: string | null,
  layout: ReadonlyMap<string, Placement>,
): void {
  const flow = useReactFlow();
  useEffect(() => {
    const el = canvas.current;
    const at = selected ? layout.get(selected) : undefined;
    if (!el || !at) return;
    const { x, y, zoom } = flow.getViewport();
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const outside =
      left < 0 ||
      top < 0 ||
      left + cardLayout.width * zoom > el.clientWidth ||
      top + cardLayout.height * zoom > el.clientHeight;
    if (outside)
      void flow.setCenter(at.x + cardLayout.width / 2, at.y + cardLayout.height / 2, { zoom, duration: 250 });
    const active = document.activeElement as HTMLElement | null;
    if (active?.classList.contains('react-flow__node') && active.dataset.id !== selected)
      el.querySelector<HTMLElement>(`.react-flow__node[data-id="${selected}"]`)?.focus();
  }, [canvas, selected, layout, flow]);
}
