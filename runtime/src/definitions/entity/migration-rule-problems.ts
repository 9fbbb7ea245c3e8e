import { type Locale, type Problem, pick } from '../kinds.js';
import { compileRecordValidator } from './record-validator.js';
import type { EntityBody, MigrationRule } from './schema.js';

/**
 * What the schema cannot say about migration rules: one rule per field, a rule names a field of the type (or,
 * with `drop`, one no longer in it), `map` targets are options of the enum, and `set` is a valid value.
 * Whether a rule covers an actual change needs the published version: see entity-evolution.ts.
 */
export function migrationRuleProblems(body: EntityBody, locale: Locale): Problem[] {
  const rules = body.migrate ?? [];
  if (!rules.length) return [];
  const problems: Problem[] = [];
  const fields = new Map(body.fields.map((f) => [f.key, f]));
  const seen = new Set<string>();
  let validate: ReturnType<typeof compileRecordValidator> | undefined;
  rules.forEach((rule, i) => {
    const at = `/migrate/${i}`;
    const problem = (pointer: string, code: string, ru: string, en: string) =>
      problems.push({ pointer: `${at}${pointer}`, code, message: pick(locale, ru, en) });
    if (seen.has(rule.field))
      problem(
        '/field',
        'duplicate',
        `Для поля «${rule.field}» уже есть правило`,
        `Field "${rule.field}" already has a rule`,
      );
    seen.add(rule.field);
    const field = fields.get(rule.field);
    if (rule.drop) {
      if (field)
        problem(
          '/drop',
          'migrate',
          `Поле «${rule.field}» есть в типе: удалить можно только значения удалённого поля`,
          `Field "${rule.field}" is still in the type: only a removed field's values can be deleted`,
        );
      if (acts(rule))
        problem(
          '',
          'migrate',
          'Правило «удалить значения» не сочетается с другими действиями',
          '"Delete values" cannot be combined with other actions',
        );
      return;
    }
    if (!field) {
      problem('/field', 'reference', `Нет поля «${rule.field}»`, `No field "${rule.field}"`);
      return;
    }
    if (!acts(rule)) problem('', 'migrate', 'Правило ничего не делает', 'The rule does nothing');
    if (rule.map) {
      if (field.type !== 'enum')
        problem(
          '/map',
          'migrate',
          'Заменять значения можно только в поле-списке',
          'Values can only be replaced in a choice-list field',
        );
      else
        for (const [from, to] of Object.entries(rule.map))
          if (to !== null && !field.options.some((o) => o.value === to))
            problem(`/map/${escapePointer(from)}`, 'reference', `Нет значения «${to}»`, `No option "${to}"`);
    }
    if (rule.set !== undefined && rule.set !== null) {
      validate ??= compileRecordValidator(body, locale);
      const [bad] = validate({ [rule.field]: rule.set }, { partial: true });
      if (bad) problems.push({ pointer: `${at}/set`, code: bad.code, message: bad.message });
    }
  });
  return problems;
}

/** Whether the rule does anything besides `drop`. */
const acts = (rule: MigrationRule) =>
  rule.set !== undefined || rule.convert === true || rule.map !== undefined;

const escapePointer = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
