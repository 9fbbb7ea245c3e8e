import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Bundle, orderForPublish, resolveRecordRefs, validateBundle } from './bundle.js';
import { compileRecordValidator } from './entity/record-validator.js';
import type { EntityBody } from './entity/schema.js';
import type { DefinitionKind } from './kinds.js';
import { checkReferences } from './references.js';
import type { TreeBody } from './tree/schema.js';
import { treeDepths } from './tree/semantics.js';

const bundle = JSON.parse(
  readFileSync(new URL('../../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
) as Bundle;

describe('support-desk template', () => {
  it('is a valid bundle with the core data types, their forms, the portal and its knowledge base', () => {
    expect(validateBundle(bundle)).toEqual([]);
    const keys = bundle.definitions.map((d) => `${d.kind}:${d.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'entity:request',
        'entity:client',
        'entity:company',
        'form:request-create',
        'form:client-card',
        'form:feedback',
        'tree:support',
        'page:home',
        'portal:main',
      ]),
    );
    const kb = bundle.knowledgeBase!;
    expect(kb.articles.length).toBeGreaterThanOrEqual(25);
    expect(
      kb.articles.filter((a) => a.state === 'published' && a.audience === 'public').length,
    ).toBeGreaterThanOrEqual(25);
  });

  it('has a question tree whose article leaves are published public articles of the bundle', () => {
    const tree = bundle.definitions.find((d) => d.kind === 'tree' && d.key === 'support')!.body as TreeBody;
    const articles = new Map(bundle.knowledgeBase!.articles.map((a) => [a.key, a]));
    const leaves = tree.nodes.flatMap((n) => (n.leaf?.type === 'article' ? [n.leaf.article] : []));
    expect(leaves.length).toBeGreaterThan(10);
    for (const key of leaves)
      expect(articles.get(key), key).toMatchObject({ state: 'published', audience: 'public' });
    expect(Math.max(...treeDepths(tree).values())).toBeGreaterThanOrEqual(3);
  });

  it('publishes in order with every reference resolved inside the bundle', () => {
    const published = new Map<string, unknown>();
    for (const def of orderForPublish(bundle.definitions)) {
      const resolve = (kind: DefinitionKind, key: string) =>
        published.get(`${kind}:${key}`) ??
        (kind === 'entity'
          ? bundle.definitions.find((d) => d.kind === kind && d.key === key)?.body
          : undefined);
      expect(checkReferences(def.kind, def.body, resolve), `${def.kind}:${def.key}`).toEqual([]);
      published.set(`${def.kind}:${def.key}`, def.body);
    }
  });

  it('has demo records valid against their data types', () => {
    const ids = new Map(
      (bundle.records ?? []).flatMap((r, i) =>
        r.ref ? [[r.ref, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`] as const] : [],
      ),
    );
    for (const record of bundle.records ?? []) {
      const entity = bundle.definitions.find((d) => d.kind === 'entity' && d.key === record.entity)!
        .body as EntityBody;
      const data = resolveRecordRefs(record.data as Record<string, unknown>, (ref) => ids.get(ref));
      expect(compileRecordValidator(entity)(data), `${record.entity} ${record.ref ?? ''}`).toEqual([]);
    }
  });
});
