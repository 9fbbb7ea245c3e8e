import type { EntityBody } from '../src/definitions/entity/schema.js';
import type { FormBody } from '../src/definitions/form/schema.js';

/** An «Обращение» type and its create form with columns, a conditional block, computed money and a tab (tests). */
export const requestType = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, required: true, maxLength: 200 },
    {
      key: 'category',
      type: 'enum',
      label: { ru: 'Категория' },
      options: [
        { value: 'access', label: { ru: 'Доступ' } },
        { value: 'billing', label: { ru: 'Оплата' } },
        { value: 'other', label: { ru: 'Другое' } },
      ],
    },
    { key: 'contract', type: 'string', label: { ru: 'Номер договора' }, pattern: '^Д-[0-9]{4}$' },
    { key: 'amount', type: 'money', label: { ru: 'Сумма' }, min: 0 },
    { key: 'vat', type: 'money', label: { ru: 'НДС' } },
    { key: 'total', type: 'money', label: { ru: 'Итого' } },
    { key: 'priority', type: 'number', label: { ru: 'Приоритет' }, min: 1, max: 5, default: 3 },
    { key: 'internal', type: 'text', label: { ru: 'Служебная заметка' } },
  ],
} as EntityBody;

export const requestForm = {
  schemaVersion: 1,
  entity: 'request',
  purpose: 'create',
  layout: [
    { id: 'subject', type: 'field', field: 'subject' },
    {
      id: 'cols',
      type: 'columns',
      columns: [
        { id: 'left', children: [{ id: 'category', type: 'field', field: 'category' }] },
        {
          id: 'right',
          children: [
            {
              id: 'contract',
              type: 'field',
              field: 'contract',
              visibleIf: "category == 'billing'",
              required: true,
            },
          ],
        },
      ],
    },
    {
      id: 'money',
      type: 'block',
      title: { ru: 'Оплата' },
      visibleIf: "category == 'billing'",
      children: [
        { id: 'amount', type: 'field', field: 'amount' },
        { id: 'vat', type: 'field', field: 'vat', computed: 'round(amount * 0.2, 2)' },
        { id: 'total', type: 'field', field: 'total', computed: 'amount + vat' },
      ],
    },
    {
      id: 'tabs',
      type: 'tabs',
      tabs: [
        {
          id: 'staff',
          title: { ru: 'Для сотрудников' },
          children: [{ id: 'internal', type: 'field', field: 'internal', readOnly: true }],
        },
      ],
    },
  ],
} as FormBody;
