import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

/** One package's rule: which import specifiers its production files may not use, and why. */
export interface BoundaryRule {
  /** Folder, relative to the repository root, whose files the rule covers. */
  folder: string;
  forbidden: { test: (specifier: string, fromFile: string) => boolean; why: string }[];
}

const nodeBuiltins = new Set(builtinModules);
const isNodeBuiltin = (s: string) => s.startsWith('node:') || nodeBuiltins.has(s.split('/')[0] ?? '');
const startsWithAny =
  (...prefixes: string[]) =>
  (s: string) =>
    prefixes.some((p) => s === p || s.startsWith(`${p}/`));
const reachesInto = (folder: string) => (s: string, fromFile: string) =>
  s.startsWith('.') && join(fromFile, '..', s).startsWith(`${folder}/`);

/** The dependency rule of ../shared/DESIGN.md, as code. */
export const boundaryRules: BoundaryRule[] = [
  {
    folder: 'runtime/src',
    forbidden: [
      { test: isNodeBuiltin, why: 'the runtime runs in browsers too: take a port instead of a Node API' },
      {
        test: startsWithAny(
          'fastify',
          '@fastify',
          '@mikro-orm',
          'mikro-orm-pglite',
          'pg',
          '@electric-sql/pglite',
        ),
        why: 'the runtime has no HTTP and no database: the server implements its ports',
      },
      { test: startsWithAny('react', 'react-dom'), why: 'the runtime draws nothing' },
      {
        test: startsWithAny('isolated-vm', 'esbuild', 'typescript'),
        why: 'the sandbox host and the script toolchain are the server’s (server/src/adapters)',
      },
      {
        test: (s, f) =>
          startsWithAny('@opora/server', '@opora/designer', '@opora/portal')(s) ||
          ['server', 'designer', 'portal'].some((p) => reachesInto(p)(s, f)),
        why: 'the runtime depends on nothing of ours but the sdk types',
      },
    ],
  },
  ...['designer/src', 'portal/src', 'sdk/src'].map((folder) => ({
    folder,
    forbidden: [
      {
        test: (s: string, f: string) => startsWithAny('@opora/server')(s) || reachesInto('server')(s, f),
        why: 'the UIs and the sdk reach the server only over its HTTP API',
      },
      {
        test: startsWithAny('fastify', '@fastify', '@mikro-orm', 'pg', 'isolated-vm'),
        why: 'server-side packages do not belong in a browser bundle',
      },
    ],
  })),
  {
    // The chat widget is included by other sites: it carries nothing but its own code (and the sdk's types).
    folder: 'widget/src',
    forbidden: [
      {
        test: (s: string, f: string) =>
          s.startsWith('.')
            ? ['server', 'designer', 'portal', 'runtime'].some((p) => reachesInto(p)(s, f))
            : s !== '@opora/sdk',
        why: 'the widget bundle loads no designer, portal, runtime or server code, and no packages',
      },
    ],
  },
];

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/gm;

/** The module specifiers a source file imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

export interface Violation {
  file: string;
  specifier: string;
  why: string;
}

/** Checks one file's text against the rule of the folder it lives in. */
export function violationsIn(file: string, source: string, rules = boundaryRules): Violation[] {
  const rule = rules.find((r) => file.startsWith(`${r.folder}/`));
  if (!rule) return [];
  return importsOf(source).flatMap((specifier) =>
    rule.forbidden.filter((f) => f.test(specifier, file)).map((f) => ({ file, specifier, why: f.why })),
  );
}

const isProductionSource = (name: string) =>
  /\.(ts|tsx)$/.test(name) && !/\.(test|fixture)\.tsx?$/.test(name) && !name.endsWith('.d.ts');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (isProductionSource(entry.name)) yield path;
  }
}

/** Every violation in the repository's production sources. */
export function repositoryViolations(root: string): Violation[] {
  return boundaryRules.flatMap((rule) =>
    [...sourceFiles(join(root, rule.folder))].flatMap((path) =>
      violationsIn(relative(root, path), readFileSync(path, 'utf8')),
    ),
  );
}
