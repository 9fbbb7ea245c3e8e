import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, repositoryViolations, violationsIn } from './import-boundaries.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the dependency rule', () => {
  it('holds in every production source file', () => {
    expect(repositoryViolations(root)).toEqual([]);
  });

  it('catches a runtime file importing Node, the ORM, React or the server', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { MikroORM } from '@mikro-orm/postgresql';",
      "export { useState } from 'react';",
      "const app = await import('../../../server/src/app.js');",
      "import './definitions/kinds.js';",
    ].join('\n');
    const found = violationsIn('runtime/src/forms/evil.ts', source).map((v) => v.specifier);
    expect(found).toEqual([
      'node:fs',
      'path',
      '@mikro-orm/postgresql',
      'react',
      '../../../server/src/app.js',
    ]);
  });

  it('catches a UI importing the server', () => {
    expect(violationsIn('portal/src/x.tsx', "import { buildApp } from '@opora/server';")).toHaveLength(1);
    expect(violationsIn('designer/src/a/b.ts', "import '../../../server/src/db/database.js';")).toHaveLength(
      1,
    );
    expect(violationsIn('designer/src/a/b.ts', "import { OporaClient } from '@opora/sdk';")).toEqual([]);
  });

  it('reads static, re-exported, side-effect and dynamic imports', () => {
    expect(
      importsOf("import a from 'a';\nexport * from './b.js';\nimport 'c';\nconst d = () => import('d');"),
    ).toEqual(['a', './b.js', 'c', 'd']);
  });
});
