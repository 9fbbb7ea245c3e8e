import { botReferences } from './bot/references.js';
import type { EntityBody } from './entity/schema.js';
import { type FormBody, walkLayout } from './form/schema.js';
import { type DefinitionKind, type Locale, type Problem, pick } from './kinds.js';
import type { LineBody } from './line/schema.js';
import type { PageBody } from './page/schema.js';
import type { PortalBody } from './portal/schema.js';
import { processReferences } from './process/references.js';
import type { ScriptBody } from './script/schema.js';
import type { TemplateBody } from './template/schema.js';
import type { TreeBody } from './tree/schema.js';

/** A place in a body that names another definition (and, for form fields, a field of it). */
export interface DefinitionReference {
  pointer: string;
  kind: DefinitionKind;
  key: string;
  field?: string;
}

type Collector = (body: never) => DefinitionReference[];

const collectors: Partial<Record<DefinitionKind, Collector>> = {
  entity: (body: EntityBody) =>
    body.fields.flatMap((f, i) =>
      f.type === 'relation'
        ? [{ pointer: `/fields/${i}/entity`, kind: 'entity' as const, key: f.entity }]
        : [],
    ),
  form: (body: FormBody) => [
    { pointer: '/entity', kind: 'entity', key: body.entity },
    ...[...walkLayout(body.layout)].flatMap(({ element, pointer }) => {
      if (element.type === 'field')
        return [
          { pointer: `${pointer}/field`, kind: 'entity' as const, key: body.entity, field: element.field },
        ];
      if (element.type === 'related')
        return [
          { pointer: `${pointer}/field`, kind: 'entity' as const, key: element.entity, field: element.field },
        ];
      return [];
    }),
    ...(body.onSubmit ?? []).map((action, i) =>
      action.type === 'script'
        ? { pointer: `/onSubmit/${i}/script`, kind: 'script' as const, key: action.script }
        : {
            pointer: `/onSubmit/${i}/step/integration`,
            kind: 'integration' as const,
            key: action.step.integration,
          },
    ),
  ],
  bot: botReferences,
  tree: (body: TreeBody) =>
    body.nodes.flatMap((node, i) =>
      node.leaf?.type === 'contact' && node.leaf.form
        ? [{ pointer: `/nodes/${i}/leaf/form`, kind: 'form' as const, key: node.leaf.form }]
        : [],
    ),
  process: processReferences,
  script: (body: ScriptBody) =>
    (body.integrations ?? []).map((key, i) => ({
      pointer: `/integrations/${i}`,
      kind: 'integration' as const,
      key,
    })),
  page: (body: PageBody) =>
    body.rows.flatMap((row, r) =>
      row.columns.flatMap((column, c) =>
        column.widgets.flatMap((widget, i): DefinitionReference[] => {
          const at = `/rows/${r}/columns/${c}/widgets/${i}/config`;
          if (widget.type === 'feedback-form')
            return [{ pointer: `${at}/form`, kind: 'form', key: widget.config.form }];
          if (widget.type === 'tree')
            return [{ pointer: `${at}/tree`, kind: 'tree', key: widget.config.tree }];
          return [];
        }),
      ),
    ),
  line: (body: LineBody) => [
    ...body.channels.map((key, i) => ({ pointer: `/channels/${i}`, kind: 'channel' as const, key })),
    ...body.rules.flatMap((rule, r) =>
      (rule.channels ?? []).map((key, i) => ({
        pointer: `/rules/${r}/channels/${i}`,
        kind: 'channel' as const,
        key,
      })),
    ),
  ],
  template: (body: TemplateBody) =>
    body.lines.map((key, i) => ({ pointer: `/lines/${i}`, kind: 'line' as const, key })),
  portal: (body: PortalBody) => [
    ...(body.homePage ? [{ pointer: '/homePage', kind: 'page' as const, key: body.homePage }] : []),
    ...(body.account ? accountRefs(body.account) : []),
  ],
};

function accountRefs(account: NonNullable<PortalBody['account']>): DefinitionReference[] {
  const field = (key: string, entity: string, name: string): DefinitionReference => ({
    pointer: `/account/${key}`,
    kind: 'entity',
    key: entity,
    field: name,
  });
  return [
    field('requestClient', account.requests, account.requestClient),
    field('requestStatus', account.requests, account.requestStatus),
    field('clientName', account.clients, account.clientName),
    field('clientEmail', account.clients, account.clientEmail),
  ];
}

/** References this (schema-valid) body makes to other definitions. */
export function collectReferences(kind: DefinitionKind, body: unknown): DefinitionReference[] {
  return collectors[kind]?.(body as never) ?? [];
}

/** Checks every reference against published bodies (`resolve` answers undefined for missing or unpublished ones). */
export function checkReferences(
  kind: DefinitionKind,
  body: unknown,
  resolve: (kind: DefinitionKind, key: string) => unknown | undefined,
  locale: Locale = 'ru',
): Problem[] {
  return collectReferences(kind, body).flatMap((ref): Problem[] => {
    if (kind === 'entity' && ref.kind === 'entity' && ref.key === (body as { key?: string }).key) return [];
    const target = resolve(ref.kind, ref.key);
    if (target === undefined)
      return [
        {
          pointer: ref.pointer,
          code: 'reference',
          message: pick(
            locale,
            `«${ref.key}» (${ref.kind}) не найдено среди опубликованных`,
            `"${ref.key}" (${ref.kind}) is not published`,
          ),
        },
      ];
    if (ref.field && !(target as EntityBody).fields.some((f) => f.key === ref.field))
      return [
        {
          pointer: ref.pointer,
          code: 'reference',
          message: pick(
            locale,
            `В типе «${ref.key}» нет поля «${ref.field}»`,
            `Data type "${ref.key}" has no field "${ref.field}"`,
          ),
        },
      ];
    return [];
  });
}
