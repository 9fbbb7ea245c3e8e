import { describe, expect, it } from 'vitest';
import { type BundleDefinition, orderForPublish, resolveRecordRefs, validateBundle } from './bundle.js';
import { type BodyMigration, runMigrations } from './migrations.js';

const entity = (key: string, relatesTo?: string): BundleDefinition => ({
  kind: 'entity',
  key,
  name: key,
  body: {
    schemaVersion: 1,
    label: { ru: key },
    fields: [
      { key: 'name', type: 'string', label: { ru: 'n' } },
      ...(relatesTo ? [{ key: 'link', type: 'relation', label: { ru: 'l' }, entity: relatesTo }] : []),
    ],
  },
});
const form = (key: string, of: string): BundleDefinition => ({
  kind: 'form',
  key,
  name: key,
  body: { schemaVersion: 1, entity: of, purpose: 'create', layout: [] },
});

describe('bundles', () => {
  it('orders forms after their entities and tolerates entity cycles', () => {
    const ordered = orderForPublish([form('f', 'b'), entity('a', 'b'), entity('b', 'a')]);
    expect(ordered.map((d) => d.key)).toEqual(['b', 'f', 'a']);
  });

  it('validates the envelope, every body and duplicates', () => {
    const bundle = {
      format: 'opora-bundle',
      formatVersion: 1,
      definitions: [entity('a'), entity('a'), { ...form('f', 'a'), body: { schemaVersion: 1 } }],
      records: [
        { entity: 'a', ref: 'r', data: {} },
        { entity: 'a', ref: 'r', data: {} },
      ],
    };
    const pointers = validateBundle(bundle).map((p) => p.pointer);
    expect(pointers).toEqual([
      '/definitions/1/key',
      '/definitions/2/body/entity',
      '/definitions/2/body/purpose',
      '/definitions/2/body/layout',
      '/records/1/ref',
    ]);
    expect(validateBundle({ format: 'zip' }).map((p) => p.pointer)).toContain('/format');
  });

  it('replaces record refs, also inside arrays, and names an unknown one', () => {
    const ids: Record<string, string> = { acme: 'id-1', bob: 'id-2' };
    expect(
      resolveRecordRefs({ company: { $ref: 'acme' }, watchers: [{ $ref: 'bob' }], name: 'x' }, (r) => ids[r]),
    ).toEqual({ company: 'id-1', watchers: ['id-2'], name: 'x' });
    expect(() => resolveRecordRefs({ company: { $ref: 'nope' } }, (r) => ids[r])).toThrow(
      'unknown record ref "nope"',
    );
  });
});

describe('body migrations', () => {
  const steps: BodyMigration[] = [
    { from: 1, up: (b) => ({ ...b, renamed: b.old, old: undefined }) },
    { from: 2, up: (b) => ({ ...b, added: true }) },
  ];

  it('runs the steps in order from the body version, without mutating it', () => {
    const body = { schemaVersion: 1, old: 'x' };
    expect(runMigrations(body, steps, 3)).toEqual({
      schemaVersion: 3,
      renamed: 'x',
      old: undefined,
      added: true,
    });
    expect(body).toEqual({ schemaVersion: 1, old: 'x' });
    expect(runMigrations({ schemaVersion: 2 }, steps, 3)).toEqual({ schemaVersion: 3, added: true });
  });

  it('refuses bodies from a newer Opora and gaps in the chain', () => {
    expect(() => runMigrations({ schemaVersion: 9 }, steps, 3)).toThrow(/newer than this Opora/);
    expect(() => runMigrations({ schemaVersion: 1 }, [], 2)).toThrow(/no migration from schemaVersion 1/);
  });
});
