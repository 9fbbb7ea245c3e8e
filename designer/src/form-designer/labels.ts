import type { EntityBody, EntityField, FormElement } from '@opora/runtime/definitions';

type LText = { ru: string; en?: string };
export const pickText = (text: LText | undefined, locale: string): string =>
  text ? ((locale === 'en' ? text.en : undefined) ?? text.ru) : '';

export const fieldOf = (entity: EntityBody, key: string): EntityField | undefined =>
  entity.fields.find((f) => f.key === key);

/** How an element is named in the canvas, the properties panel and the "move to" list. */
export function elementLabel(
  element: FormElement,
  entity: EntityBody,
  locale: string,
  t: (key: string) => string,
): string {
  switch (element.type) {
    case 'field': {
      const field = fieldOf(entity, element.field);
      return pickText(element.label, locale) || (field ? pickText(field.label, locale) : element.field);
    }
    case 'block':
      return pickText(element.title, locale) || t('formDesigner.kind.block');
    case 'related':
      return pickText(element.title, locale) || `${t('formDesigner.kind.related')}: ${element.entity}`;
    case 'heading':
    case 'text':
      return pickText(element.text, locale) || t(`formDesigner.kind.${element.type}`);
    default:
      return t(`formDesigner.kind.${element.type}`);
  }
}
