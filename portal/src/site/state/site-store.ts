import type { PortalBody } from '@opora/runtime/definitions';
import { client } from '../../lib/api';
import { createStore, useStore } from '../../lib/store';
import { brandVariableNames, brandVariables } from '../branding';

export type SiteState = { status: 'loading' } | { status: 'ready'; portal: PortalBody | null };

const store = createStore<SiteState>({ status: 'loading' });
let loading: Promise<void> | null = null;

/**
 * The published portal (name, logo, colours, menu, footer), asked for once per page load; nothing published or
 * an unreachable server both mean the built-in look.
 */
export function loadSite(): Promise<void> {
  loading ??= client.portal.site().then(
    (site) => setPortal((site.body as PortalBody | null) ?? null),
    () => setPortal(null),
  );
  return loading;
}

function setPortal(portal: PortalBody | null): void {
  applyColors(portal);
  store.set({ status: 'ready', portal });
}

function applyColors(portal: PortalBody | null): void {
  if (typeof document === 'undefined') return;
  const style = document.documentElement.style;
  for (const name of brandVariableNames) style.removeProperty(name);
  for (const [name, value] of Object.entries(brandVariables(portal?.colors))) style.setProperty(name, value);
}

export const useSite = (): SiteState => useStore(store);

/** The portal body once loaded, else null (components fall back to the built-in texts). */
export function usePortal(): PortalBody | null {
  const state = useSite();
  return state.status === 'ready' ? state.portal : null;
}
