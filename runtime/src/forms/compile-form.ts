import { compileRecordValidator, type RecordValidator } from '../definitions/entity/record-validator.js';
import type { EntityBody, EntityField } from '../definitions/entity/schema.js';
import { type FormBody, type FormElement, walkLayout } from '../definitions/form/schema.js';
import { type Locale, type Problem, pick } from '../definitions/kinds.js';
import { checkExpression, type Expr, ExpressionError, expressionMessage } from './expressions/index.js';

/** A field as placed on a form, with everything needed to show, compute and accept it. */
export interface CompiledField {
  elementId: string;
  key: string;
  field: EntityField;
  /** The element's own condition and those of every container above it: all must hold for it to show. */
  conditions: Expr[];
  computed: Expr | null;
  /** Not taken from the person filling the form: read-only, computed or always hidden. */
  locked: boolean;
  requiredHere: boolean;
}

export interface CompiledContainer {
  id: string;
  conditions: Expr[];
}

/** A published form compiled once against its data type; browser and server evaluate the same object. */
export interface CompiledForm {
  entity: EntityBody;
  form: FormBody;
  fields: CompiledField[];
  byKey: Map<string, CompiledField>;
  containers: CompiledContainer[];
  /** Computed fields in dependency order (a field's inputs come before it). */
  computeOrder: CompiledField[];
  validator(locale: Locale): RecordValidator;
}

/** The form's design problems (expressions that do not parse or name missing fields, circular computations). */
export class FormDesignError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.pointer}: ${p.message}`).join('; '));
  }
}

interface Parsed {
  expr: Expr;
  reads: Set<string>;
}

/** Compiles a form; throws {@link FormDesignError} listing every problem when it cannot be compiled. */
export function compileForm(entity: EntityBody, form: FormBody, locale: Locale = 'ru'): CompiledForm {
  const problems: Problem[] = [];
  const fieldsByKey = new Map(entity.fields.map((f) => [f.key, f]));
  const known = new Set(fieldsByKey.keys());
  const parse = (source: string | undefined, pointer: string, owner: string): Parsed | null => {
    if (source === undefined) return null;
    try {
      return checkExpression(source, known);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push({
        pointer,
        code: 'expression',
        message: `${owner}: ${expressionMessage(error, locale)}`,
      });
      return null;
    }
  };

  const fields: CompiledField[] = [];
  const containers: CompiledContainer[] = [];
  const reads = new Map<string, Set<string>>();
  // Conditions in force inside each container, by the container's pointer: an element's container is its own
  // pointer minus `/children/N` (a block, a column `…/columns/c` or a tab `…/tabs/t`).
  const conditionsAt = new Map<string, Expr[]>();
  for (const { element, pointer } of walkLayout(form.layout)) {
    const inherited = conditionsAt.get(pointer.replace(/\/children\/\d+$/, '')) ?? [];
    const own = elementCondition(element, pointer, parse, entity, locale);
    const conditions = own ? [...inherited, own] : inherited;
    if (element.type === 'field') {
      const field = fieldsByKey.get(element.field);
      if (!field) continue; // reported by the reference check, naming the element
      const computed = parse(element.computed, `${pointer}/computed`, label(field, locale));
      if (computed) reads.set(field.key, computed.reads);
      fields.push({
        elementId: element.id,
        key: field.key,
        field,
        conditions,
        computed: computed?.expr ?? null,
        locked: Boolean(element.readOnly || field.readOnly || element.hidden || element.computed),
        requiredHere: Boolean(element.required),
      });
      continue;
    }
    conditionsAt.set(pointer, conditions);
    containers.push({ id: element.id, conditions });
    if (element.type === 'tabs')
      element.tabs.forEach((tab, t) => {
        const tabCondition = parse(
          tab.visibleIf,
          `${pointer}/tabs/${t}/visibleIf`,
          tab.title[locale] ?? tab.title.ru,
        );
        const tabConditions = tabCondition ? [...conditions, tabCondition.expr] : conditions;
        conditionsAt.set(`${pointer}/tabs/${t}`, tabConditions);
        containers.push({ id: tab.id, conditions: tabConditions });
      });
    if (element.type === 'columns')
      for (const c of element.columns.keys()) conditionsAt.set(`${pointer}/columns/${c}`, conditions);
  }

  const byKey = new Map(fields.map((f) => [f.key, f]));
  const computeOrder = orderComputed(fields, reads, problems, locale);
  if (problems.length) throw new FormDesignError(problems);
  const validators = new Map<Locale, RecordValidator>();
  return {
    entity,
    form,
    fields,
    byKey,
    containers,
    computeOrder,
    validator(l) {
      let validator = validators.get(l);
      if (!validator) {
        validator = compileRecordValidator(entity, l);
        validators.set(l, validator);
      }
      return validator;
    },
  };
}

function elementCondition(
  element: FormElement,
  pointer: string,
  parse: (source: string | undefined, pointer: string, owner: string) => Parsed | null,
  entity: EntityBody,
  locale: Locale,
): Expr | null {
  if (element.type !== 'field' && element.type !== 'block') return null;
  const owner =
    element.type === 'field'
      ? label(
          entity.fields.find((f) => f.key === element.field),
          locale,
          element.field,
        )
      : element.title
        ? (element.title[locale] ?? element.title.ru)
        : element.id;
  return parse(element.visibleIf, `${pointer}/visibleIf`, owner)?.expr ?? null;
}

const label = (field: EntityField | undefined, locale: Locale, fallback = ''): string =>
  field ? `«${field.label[locale] ?? field.label.ru}»` : `«${fallback}»`;

/** Orders computed fields so each is computed after the fields it reads; a circle is a design problem. */
function orderComputed(
  fields: CompiledField[],
  reads: Map<string, Set<string>>,
  problems: Problem[],
  locale: Locale,
): CompiledField[] {
  const computed = new Map(fields.filter((f) => f.computed).map((f) => [f.key, f]));
  const order: CompiledField[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      // One circle is enough to tell the analyst; its other routes would repeat the same news.
      if (problems.some((p) => p.code === 'cycle')) return;
      const circle = [...path.slice(path.indexOf(key)), key];
      problems.push({
        pointer: '/layout',
        code: 'cycle',
        message: pick(
          locale,
          `Вычисляемые поля зависят друг от друга по кругу: ${circle.join(' → ')}`,
          `Computed fields depend on each other in a circle: ${circle.join(' → ')}`,
        ),
      });
      return;
    }
    state.set(key, 'visiting');
    for (const input of reads.get(key) ?? []) if (computed.has(input)) visit(input, [...path, key]);
    state.set(key, 'done');
    order.push(computed.get(key) as CompiledField);
  };
  for (const key of computed.keys()) visit(key, []);
  return order;
}
