import { type Locale, type Problem, pick } from '../kinds.js';
import type { EntityBody, EntityField } from './schema.js';

type EnumField = Extract<EntityField, { type: 'enum' }>;

/** An enum field whose analyst drew a status model (`transitions`): its value may only move along the arrows. */
export const isStatusField = (field: EntityField): field is EnumField =>
  field.type === 'enum' && field.transitions !== undefined;

/**
 * The values a status field may take next, the current one first (staying put is always allowed). A value the
 * model says nothing about, or an empty current value, leaves every option open: the analyst drew no arrows.
 */
export function allowedStatusValues(field: EnumField, current: unknown): string[] {
  const all = field.options.map((o) => o.value);
  if (typeof current !== 'string' || !field.transitions || !Object.hasOwn(field.transitions, current))
    return all;
  const next = new Set(field.transitions[current]);
  return all.filter((value) => value === current || next.has(value));
}

/**
 * Problems (`/fieldKey`) for status fields a change moves against their model; a record being created has no
 * `before` and may start anywhere its validation allows.
 */
export function transitionProblems(
  entity: EntityBody,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  locale: Locale,
): Problem[] {
  const problems: Problem[] = [];
  for (const field of entity.fields) {
    if (!isStatusField(field)) continue;
    const from = before[field.key];
    const to = after[field.key] ?? null;
    if (to === from || allowedStatusValues(field, from).includes(to as string)) continue;
    const name = (value: unknown) => {
      const label = field.options.find((o) => o.value === value)?.label;
      return label ? (label[locale] ?? label.ru) : pick(locale, 'пусто', 'empty');
    };
    const fieldLabel = field.label[locale] ?? field.label.ru;
    problems.push({
      pointer: `/${field.key}`,
      code: 'transition',
      message: pick(
        locale,
        `«${fieldLabel}»: из «${name(from)}» нельзя перейти в «${name(to)}»`,
        `"${fieldLabel}" cannot move from "${name(from)}" to "${name(to)}"`,
      ),
    });
  }
  return problems;
}
