import { type Static, Type } from '@sinclair/typebox';
import { compile, toProblems } from './ajv.js';
import { BundleKnowledgeBaseSchema, knowledgeBaseProblems } from './bundle-knowledge-base.js';
import { AnyObject, DefinitionKey, literals } from './common-schemas.js';
import { type DefinitionKind, definitionKinds, type Locale, type Problem, pick } from './kinds.js';
import { migrateDefinitionBody } from './migrations.js';
import { collectReferences } from './references.js';
import { validateDefinitionBody } from './validate-body.js';

const BundleDefinitionSchema = Type.Object(
  {
    kind: literals(definitionKinds),
    key: DefinitionKey,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    body: AnyObject,
    published: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const BundleRecordSchema = Type.Object(
  {
    entity: DefinitionKey,
    ref: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    data: AnyObject,
  },
  { additionalProperties: false },
);

/** A set of definitions (and optional demo records and knowledge-base content) in one JSON file: templates, exports, imports. */
export const bundleSchema = Type.Object(
  {
    format: Type.Literal('opora-bundle'),
    formatVersion: Type.Literal(1),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    exportedAt: Type.Optional(Type.String({ maxLength: 50 })),
    definitions: Type.Array(BundleDefinitionSchema, { maxItems: 5000 }),
    records: Type.Optional(Type.Array(BundleRecordSchema, { maxItems: 100000 })),
    knowledgeBase: Type.Optional(BundleKnowledgeBaseSchema),
  },
  { additionalProperties: false },
);

export type Bundle = Static<typeof bundleSchema>;
export type BundleDefinition = Static<typeof BundleDefinitionSchema>;
export type BundleRecord = Static<typeof BundleRecordSchema>;

/** Envelope, every body (pointers like /definitions/3/body/fields/0/type), duplicate kind+key and record refs. */
export function validateBundle(bundle: unknown, locale: Locale = 'ru'): Problem[] {
  const validate = compile(bundleSchema);
  if (!validate(bundle)) return toProblems(validate.errors, locale);
  const { definitions, records = [], knowledgeBase } = bundle as Bundle;
  const problems: Problem[] = knowledgeBase ? knowledgeBaseProblems(knowledgeBase, locale) : [];
  const seen = new Set<string>();
  definitions.forEach((def, i) => {
    const id = `${def.kind}:${def.key}`;
    if (seen.has(id))
      problems.push({
        pointer: `/definitions/${i}/key`,
        code: 'duplicate',
        message: pick(
          locale,
          `«${def.key}» (${def.kind}) встречается дважды`,
          `"${def.key}" (${def.kind}) appears twice`,
        ),
      });
    seen.add(id);
    let body: unknown;
    try {
      body = migrateDefinitionBody(def.kind, def.body);
    } catch (error) {
      problems.push({
        pointer: `/definitions/${i}/body/schemaVersion`,
        code: 'schema_version',
        message: (error as Error).message,
      });
      return;
    }
    for (const p of validateDefinitionBody(def.kind, body, locale))
      problems.push({ ...p, pointer: `/definitions/${i}/body${p.pointer}` });
  });
  const refs = new Set<string>();
  records.forEach((record, i) => {
    if (!record.ref) return;
    if (refs.has(record.ref))
      problems.push({
        pointer: `/records/${i}/ref`,
        code: 'duplicate',
        message: pick(locale, `Ссылка «${record.ref}» повторяется`, `Ref "${record.ref}" repeats`),
      });
    refs.add(record.ref);
  });
  return problems;
}

/**
 * Orders definitions so each comes after the definitions of other kinds it references (entities before forms,
 * scripts before processes). Relations between entities may form cycles, so they do not constrain the order.
 */
export function orderForPublish(defs: BundleDefinition[]): BundleDefinition[] {
  const byId = new Map(defs.map((d) => [`${d.kind}:${d.key}`, d]));
  const ordered: BundleDefinition[] = [];
  const state = new Map<BundleDefinition, 'visiting' | 'done'>();
  const visit = (def: BundleDefinition) => {
    if (state.get(def)) return;
    state.set(def, 'visiting');
    for (const ref of safeRefs(def.kind, def.body)) {
      if (def.kind === 'entity' && ref.kind === 'entity') continue;
      const target = byId.get(`${ref.kind}:${ref.key}`);
      if (target && target !== def) visit(target);
    }
    state.set(def, 'done');
    ordered.push(def);
  };
  for (const def of defs) visit(def);
  return ordered;
}

function safeRefs(kind: DefinitionKind, body: unknown) {
  try {
    return collectReferences(kind, body);
  } catch {
    return [];
  }
}

/** Replaces `{ "$ref": "<record ref>" }` values (also inside arrays) with the ids of the records they name. */
export function resolveRecordRefs(
  data: Record<string, unknown>,
  idFor: (ref: string) => string | undefined,
): Record<string, unknown> {
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (
      value &&
      typeof value === 'object' &&
      '$ref' in value &&
      typeof (value as { $ref: unknown }).$ref === 'string'
    ) {
      const ref = (value as { $ref: string }).$ref;
      const id = idFor(ref);
      if (!id) throw new Error(`unknown record ref "${ref}"`);
      return id;
    }
    return value;
  };
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, resolve(value)]));
}
