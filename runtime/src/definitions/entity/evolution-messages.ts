import { type Locale, pick } from '../kinds.js';
import type { BreakingChange, TightenedLimit } from './evolution.js';
import type { FieldType } from './schema.js';

/** Field types as analysts call them (the designer shows the same words). */
export const fieldTypeNames: Record<FieldType, { ru: string; en: string }> = {
  string: { ru: 'Строка', en: 'String' },
  text: { ru: 'Многострочный текст', en: 'Text' },
  richtext: { ru: 'Форматированный текст', en: 'Rich text' },
  number: { ru: 'Число', en: 'Number' },
  money: { ru: 'Деньги', en: 'Money' },
  date: { ru: 'Дата', en: 'Date' },
  datetime: { ru: 'Дата и время', en: 'Date and time' },
  boolean: { ru: 'Да/нет', en: 'Yes/no' },
  enum: { ru: 'Список значений', en: 'Choice list' },
  email: { ru: 'Эл. почта', en: 'E-mail' },
  phone: { ru: 'Телефон', en: 'Phone' },
  url: { ru: 'Ссылка', en: 'Link' },
  file: { ru: 'Файл', en: 'File' },
  user: { ru: 'Пользователь', en: 'User' },
  relation: { ru: 'Связь с записью', en: 'Relation' },
  table: { ru: 'Таблица', en: 'Table' },
};

/** "1 запись", "3 записи", "11 записей" / "1 record", "3 records". */
export function recordCount(count: number, locale: Locale): string {
  if (locale === 'en') return `${count} record${count === 1 ? '' : 's'}`;
  const d = count % 10;
  const dd = count % 100;
  const word =
    d === 1 && dd !== 11 ? 'запись' : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? 'записи' : 'записей';
  return `${count} ${word}`;
}

/** "в 1 записи", "в 5 записях" / "in 5 records". */
export function inRecords(count: number, locale: Locale): string {
  if (locale === 'en') return `in ${recordCount(count, 'en')}`;
  return `в ${count} ${count % 10 === 1 && count % 100 !== 11 ? 'записи' : 'записях'}`;
}

const quote = (values: string[]) => values.map((v) => `«${v}»`).join(', ');
const quoteEn = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

function samplesText(samples: number[], locale: Locale): string {
  if (!samples.length) return '';
  const list = samples.map((n) => `№${n}`).join(', ');
  return pick(locale, ` (например, ${list})`, ` (e.g. ${list})`);
}

const limitNames: Record<TightenedLimit, { ru: string; en: string }> = {
  maxLength: { ru: 'наибольшая длина', en: 'maximum length' },
  minLength: { ru: 'наименьшая длина', en: 'minimum length' },
  pattern: { ru: 'шаблон', en: 'pattern' },
  min: { ru: 'минимум', en: 'minimum' },
  max: { ru: 'максимум', en: 'maximum' },
  integer: { ru: 'только целые', en: 'whole numbers only' },
};

/**
 * Why publishing is refused for a change, with how many records it would break and which: what happened, what
 * the records hold, and what the analyst can do (the rule to add, or to edit the records first).
 */
export function breakingChangeMessage(
  change: BreakingChange,
  count: number,
  samples: number[],
  locale: Locale,
): string {
  const label = locale === 'en' ? (change.label.en ?? change.label.ru) : change.label.ru;
  const ru = `«${label}»`;
  const en = `"${label}"`;
  const n = recordCount(count, locale);
  const where = inRecords(count, locale) + samplesText(samples, locale);
  const type = (t: FieldType) => fieldTypeNames[t][locale];
  switch (change.code) {
    case 'type-changed':
      return pick(
        locale,
        `${ru}: тип изменён с «${type(change.from)}» на «${type(change.to)}», а значения ${where} ему не подходят. Добавьте правило миграции «преобразовать значения» или верните прежний тип.`,
        `${en}: the type changed from ${type(change.from)} to ${type(change.to)}, and the values ${where} do not fit it. Add a "convert values" migration rule or restore the type.`,
      );
    case 'target-changed':
      return pick(
        locale,
        `${ru}: связь теперь ведёт на тип «${change.to}» вместо «${change.from}», а она заполнена ${where}. Добавьте правило миграции со значением для этих записей или верните прежний тип связи.`,
        `${en}: the relation now points to "${change.to}" instead of "${change.from}", and it is filled ${where}. Add a migration rule with a value for those records or restore the target.`,
      );
    case 'multiplicity-changed':
      return change.many
        ? pick(
            locale,
            `${ru}: поле стало множественным, а ${where} в нём одно значение. Добавьте правило миграции «преобразовать значения».`,
            `${en}: the field now holds several values, and ${where} it holds one. Add a "convert values" migration rule.`,
          )
        : pick(
            locale,
            `${ru}: поле стало одиночным, а ${where} в нём список значений. Добавьте правило миграции «преобразовать значения».`,
            `${en}: the field now holds one value, and ${where} it holds a list. Add a "convert values" migration rule.`,
          );
    case 'columns-changed':
      return pick(
        locale,
        `${ru}: колонки таблицы изменены так, что строки ${where} перестанут подходить. Добавьте правило миграции «преобразовать значения».`,
        `${en}: the table's columns changed so that the rows ${where} would no longer fit. Add a "convert values" migration rule.`,
      );
    case 'required-added':
      return pick(
        locale,
        `${ru}: новое обязательное поле без значения по умолчанию, а в типе уже есть ${n}${samplesText(samples, locale)}. Задайте значение по умолчанию или правило миграции «заполнить значением».`,
        `${en}: a new required field without a default, and ${n} already exist${count === 1 ? 's' : ''}${samplesText(samples, locale)}. Give it a default or add a "fill with a value" migration rule.`,
      );
    case 'became-required':
      return pick(
        locale,
        `${ru}: поле стало обязательным, а ${where} оно не заполнено. Задайте значение по умолчанию или правило миграции «заполнить значением».`,
        `${en}: the field became required, and it is empty ${where}. Give it a default or add a "fill with a value" migration rule.`,
      );
    case 'option-removed': {
      // Options are named as analysts see them: by label.
      const values = (change.question.ask === 'oneOf' ? change.question.values : change.values).map((v) => {
        const name = change.names[v];
        return (locale === 'en' ? name?.en : undefined) ?? name?.ru ?? v;
      });
      return pick(
        locale,
        `${ru}: удалены значения ${quote(values)}, а они выбраны ${where}. Добавьте правило миграции «заменить значения» или верните их.`,
        `${en}: the options ${quoteEn(values)} were removed, and they are chosen ${where}. Add a "replace values" migration rule or restore them.`,
      );
    }
    case 'field-removed':
      return pick(
        locale,
        `Поле ${ru} удалено, а ${where} в нём есть данные. Чтобы удалить их вместе с полем, добавьте правило миграции «удалить значения»; иначе верните поле.`,
        `Field ${en} was removed, and it holds data ${where}. To delete that data with the field, add a "delete values" migration rule; otherwise restore the field.`,
      );
    case 'limit-tightened': {
      const limit = limitNames[change.limit][locale];
      const value = change.limit === 'integer' ? '' : ` (${String(change.value)})`;
      return pick(
        locale,
        `${ru}: ужесточено ограничение «${limit}»${value}, а значения ${where} ему не соответствуют. Исправьте эти записи или добавьте правило миграции «преобразовать значения» со значением для неподходящих.`,
        `${en}: the ${limit} limit was tightened${value}, and the values ${where} break it. Fix those records or add a "convert values" migration rule with a value for those that do not fit.`,
      );
    }
    case 'unique-added':
      return pick(
        locale,
        `${ru}: поле стало уникальным, а значения повторяются ${where}. Исправьте повторы в записях перед публикацией.`,
        `${en}: the field became unique, and values repeat ${where}. Fix the repeats in the records before publishing.`,
      );
  }
}

/** A `convert` step could not convert some values and the rule gave no `set` to stand in for them. */
export function conversionFailedMessage(
  label: string,
  to: FieldType,
  count: number,
  sample: { number: number; value: unknown } | undefined,
  locale: Locale,
): string {
  const example = sample
    ? pick(
        locale,
        ` (например, ${JSON.stringify(sample.value)} в записи №${sample.number})`,
        ` (e.g. ${JSON.stringify(sample.value)} in record №${sample.number})`,
      )
    : '';
  return pick(
    locale,
    `«${label}»: не удалось преобразовать значения ${inRecords(count, locale)} к типу «${fieldTypeNames[to].ru}»${example}. Укажите в правиле значение для таких записей («заполнить значением») или исправьте их.`,
    `"${label}": the values ${inRecords(count, locale)} cannot be converted to ${fieldTypeNames[to].en}${example}. Give the rule a value for such records ("fill with a value") or fix them.`,
  );
}

/** After the migration some records still fail the new version's checks; nothing was changed. */
export function invalidAfterMigrationMessage(
  label: string,
  count: number,
  sample: { number: number; message: string },
  locale: Locale,
): string {
  return pick(
    locale,
    `«${label}»: после миграции ${recordCount(count, locale)} не пройдут проверку (запись №${sample.number}: ${sample.message}). Публикация отменена, данные не изменены.`,
    `"${label}": after the migration ${recordCount(count, locale)} would fail the checks (record №${sample.number}: ${sample.message}). Nothing was published or changed.`,
  );
}

/** After the migration a unique field would hold the same value in several records. */
export function duplicatesAfterMigrationMessage(
  label: string,
  count: number,
  samples: number[],
  locale: Locale,
): string {
  return pick(
    locale,
    `«${label}»: после миграции значения этого уникального поля повторятся ${inRecords(count, locale)}${samplesText(samples, locale)}. Публикация отменена, данные не изменены.`,
    `"${label}": after the migration the values of this unique field would repeat ${inRecords(count, locale)}${samplesText(samples, locale)}. Nothing was published or changed.`,
  );
}
