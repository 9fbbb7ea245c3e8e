import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const portalDist = join(root, 'portal', 'dist');
export const designerDist = join(root, 'designer', 'dist');

/** Code that belongs to the designers only; none of it may reach a portal visitor's browser. */
export const designerMarkers = [
  'monaco-editor',
  'MonacoEnvironment',
  '@xyflow',
  'react-flow__',
  'tiptap',
  'ProseMirror',
];

/**
 * Code of the staff screens (operator window, work lists, cards, create forms, the staff bar) and of the form
 * renderer: strings each keeps in the built code (its test ids). A visitor's home page loads none of it.
 */
export const staffMarkers = [
  'operator-window',
  'list-screen',
  'card-screen',
  'create-screen',
  'work-bar',
  'form-renderer',
];

/** The scripts a first visit to an app's start page runs: its entry and what index.html preloads. */
export function startPageScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\/(designer\/)?/, ''));
}

/** Which markers each of the given built files (paths under `dist`) contains, as `file: marker`. */
export function markersIn(dist: string, files: readonly string[], markers: readonly string[]): string[] {
  return files.flatMap((f) => {
    const text = readFileSync(join(dist, f), 'utf8');
    return markers.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`);
  });
}

/** Every built script of the portal, as paths under its dist folder. */
export const portalScripts = (): string[] =>
  readdirSync(join(portalDist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);

/** Gzipped bytes of what a first visit to an app's start page downloads: its entry script, preloads and CSS. */
export function startPageBytes(dist: string): { js: number; css: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const bytes = gzipSync(readFileSync(join(dist, ref.replace(/^\/(designer\/)?/, '')))).length;
    if (ref.endsWith('.css')) css += bytes;
    else js += bytes;
  }
  return { js, css, files: refs };
}

/** Every built portal chunk that carries designer code, with the marker found. */
export function designerCodeInPortal(): string[] {
  const assets = join(portalDist, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .flatMap((f) => {
      const text = readFileSync(join(assets, f), 'utf8');
      return designerMarkers.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`);
    });
}
