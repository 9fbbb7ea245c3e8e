import { cardLayout, type LayoutOptions, layoutBounds, type Placement } from './tree-layout';

/**
 * The smallest zoom at which a card can still be read: 240 px cards are 120 px wide, and below 0.8 the card shows
 * its title alone, larger (see `.td-far` in the styles), so the title stays about 11 px on screen.
 */
export const legibleZoom = 0.5;
/** Opening or «Показать всё» never enlarges a small tree past its natural size. */
export const fitMaxZoom = 1;
/** Below this zoom the cards switch to their far look (title only). */
export const farZoom = 0.8;
/** Screen pixels kept free around the fitted tree. */
const padding = 24;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view that shows the whole drawn tree in a `width`×`height` pane. A tree too big for that at the legible zoom
 * is shown at the legible zoom from its top, centred on `anchor` (the start) as far as the tree allows — the
 * analyst pans from there rather than squinting at a picture of dots.
 */
export function fitViewport(
  layout: ReadonlyMap<string, Placement>,
  anchor: string,
  pane: { width: number; height: number },
  card: LayoutOptions = cardLayout,
): Viewport {
  const bounds = layoutBounds(layout, card);
  const room = {
    width: Math.max(1, pane.width - 2 * padding),
    height: Math.max(1, pane.height - 2 * padding),
  };
  const fit = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  const zoom = Math.max(legibleZoom, Math.min(fitMaxZoom, fit));
  const shown = { width: bounds.width * zoom, height: bounds.height * zoom };
  const start = layout.get(anchor) ?? { x: bounds.x, y: bounds.y };

  let x: number;
  if (shown.width <= room.width) x = (pane.width - shown.width) / 2 - bounds.x * zoom;
  else {
    const centred = pane.width / 2 - (start.x + card.width / 2) * zoom;
    // Neither edge of the tree comes inside the pane's padding: no empty half-screen beside it.
    const most = padding - bounds.x * zoom;
    const least = pane.width - padding - (bounds.x + bounds.width) * zoom;
    x = Math.min(most, Math.max(least, centred));
  }
  // A tree shown whole is centred; one that is not starts at its top, where the start is.
  const whole = shown.width <= room.width && shown.height <= room.height;
  const y = whole ? (pane.height - shown.height) / 2 - bounds.y * zoom : padding - bounds.y * zoom;
  return { x, y, zoom };
}
