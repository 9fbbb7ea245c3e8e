import type { PortalBody } from '@opora/runtime/definitions';

/** One undoable change of the portal settings. */
export type Edit = (change: (body: PortalBody) => PortalBody) => void;

/** The body with an optional setting set, or removed when empty (so the schema's optional stays absent). */
export function optional<K extends keyof PortalBody>(
  body: PortalBody,
  key: K,
  value: PortalBody[K] | undefined,
): PortalBody {
  const next = { ...body };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}
