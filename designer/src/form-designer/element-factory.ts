import type { FormElement } from '@opora/runtime/definitions';
import { allElements, freshId, innerContainers, root } from './layout-ops';

export type PaletteKind = 'block' | 'columns' | 'tabs' | 'heading' | 'divider' | 'text';
export const layoutKinds: PaletteKind[] = ['block', 'columns', 'tabs', 'heading', 'divider', 'text'];

/** Hands out ids unique in the layout, also among the ids it hands out in one go (columns need three). */
function idMaker(layout: FormElement[]) {
  const taken: FormElement[] = [...layout];
  return (base: string) => {
    const id = freshId(taken, base);
    taken.push({ id, type: 'divider' });
    return id;
  };
}

/** A new element from the palette, with Russian starter texts an analyst overwrites. */
export function newLayoutElement(kind: PaletteKind, layout: FormElement[]): FormElement {
  const id = idMaker(layout);
  switch (kind) {
    case 'block':
      return { id: id('block'), type: 'block', title: { ru: 'Новый блок', en: 'New block' }, children: [] };
    case 'columns':
      return {
        id: id('columns'),
        type: 'columns',
        columns: [
          { id: id('column'), children: [] },
          { id: id('column'), children: [] },
        ],
      };
    case 'tabs':
      return {
        id: id('tabs'),
        type: 'tabs',
        tabs: [
          { id: id('tab'), title: { ru: 'Вкладка 1', en: 'Tab 1' }, children: [] },
          { id: id('tab'), title: { ru: 'Вкладка 2', en: 'Tab 2' }, children: [] },
        ],
      };
    case 'heading':
      return { id: id('heading'), type: 'heading', text: { ru: 'Заголовок', en: 'Heading' }, level: 3 };
    case 'divider':
      return { id: id('divider'), type: 'divider' };
    case 'text':
      return {
        id: id('text'),
        type: 'text',
        text: { ru: 'Пояснение для заполняющего', en: 'A note for the person filling in' },
      };
  }
}

export function newFieldElement(field: string, layout: FormElement[]): FormElement {
  return { id: idMaker(layout)(field), type: 'field', field };
}

/** A list of records pointing at this one through `field` of type `entity`. */
export function newRelatedElement(entity: string, field: string, layout: FormElement[]): FormElement {
  return { id: idMaker(layout)(`related-${entity}`), type: 'related', entity, field };
}

/** A new column or tab for an existing columns/tabs element. */
export function newColumnId(layout: FormElement[]): string {
  return idMaker(layout)('column');
}
export function newTabId(layout: FormElement[]): string {
  return idMaker(layout)('tab');
}

/** Keys of the fields already on the form (each field goes on a form at most once). */
export function placedFields(layout: FormElement[]): Set<string> {
  const placed = new Set<string>();
  for (const element of allElements(layout)) if (element.type === 'field') placed.add(element.field);
  return placed;
}

/** Every container an element can be put into, for the keyboard "move to" choice: [id, human label]. */
export function containerChoices(
  layout: FormElement[],
  label: (element: FormElement, index: number) => string,
) {
  const choices: { id: string; label: string }[] = [{ id: root, label: '' }];
  for (const element of allElements(layout))
    for (const [i, container] of innerContainers(element).entries())
      choices.push({ id: container.id, label: label(element, i) });
  return choices;
}
