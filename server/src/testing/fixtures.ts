/** Small, valid definition bodies shared by server tests. */
export const ticketEntity = {
  schemaVersion: 1,
  label: { ru: 'Заявка', en: 'Ticket' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема', en: 'Subject' }, required: true, maxLength: 200 },
    { key: 'description', type: 'text', label: { ru: 'Описание', en: 'Description' } },
    { key: 'code', type: 'string', label: { ru: 'Код', en: 'Code' }, unique: true },
    {
      key: 'priority',
      type: 'number',
      label: { ru: 'Приоритет', en: 'Priority' },
      min: 1,
      max: 5,
      default: 3,
    },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус', en: 'Status' },
      default: 'new',
      options: [
        { value: 'new', label: { ru: 'Новая', en: 'New' }, color: '#2563eb' },
        { value: 'done', label: { ru: 'Решена', en: 'Done' }, color: '#16a34a' },
      ],
    },
    { key: 'email', type: 'email', label: { ru: 'Почта', en: 'E-mail' } },
  ],
};

export const ticketForm = {
  schemaVersion: 1,
  entity: 'ticket',
  purpose: 'create',
  layout: [
    {
      id: 'cols',
      type: 'columns',
      columns: [
        { id: 'left', children: [{ id: 'f1', type: 'field', field: 'subject' }] },
        { id: 'right', children: [{ id: 'f2', type: 'field', field: 'priority' }] },
      ],
    },
  ],
};
