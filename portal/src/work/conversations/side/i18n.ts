import i18n from '../../../i18n';

/** The column beside a dialog: the client card and the knowledge panel, merged under `dialogSide`. */
const ru = {
  label: 'Клиент и знания',
  tab: { client: 'Клиент', knowledge: 'Знания' },
  client: {
    unknown: 'Клиент не определён',
    unknownHint: 'Привяжите диалог к карточке клиента или создайте новую из данных контакта.',
    contact: 'Контакт',
    openCard: 'Открыть карточку',
    conversations: 'Все диалоги клиента',
    link: 'Привязать к клиенту',
    relink: 'Привязать к другому клиенту',
    create: 'Создать клиента',
    creating: 'Создаём…',
    search: 'Найти клиента',
    searchPlaceholder: 'Имя, e-mail или телефон',
    confirm: 'Привязать',
    linking: 'Привязываем…',
    cancel: 'Отмена',
    linked: 'Диалог привязан к клиенту «{{name}}».',
    created: 'Создана карточка клиента, диалог привязан к ней.',
  },
  knowledge: {
    search: 'Поиск по базе знаний',
    searchPlaceholder: 'Поиск по базе знаний',
    suggested: 'Подсказки по последним сообщениям клиента',
    results: 'Найдено по запросу',
    nothing: 'Ничего не найдено',
    noClientWords: 'Клиент ещё ничего не спросил: введите запрос.',
    insertLink: 'Вставить ссылку',
    insertText: 'Вставить текст',
    staffOnly: 'Для сотрудников',
    staffLinkHint: 'Статья только для сотрудников: клиент не откроет ссылку',
    open: 'Открыть статью',
    inserted: 'Вставлено в ответ',
  },
};

const en: typeof ru = {
  label: 'Client and knowledge',
  tab: { client: 'Client', knowledge: 'Knowledge' },
  client: {
    unknown: 'Client not identified',
    unknownHint: 'Link the conversation to a client card or create one from the contact’s details.',
    contact: 'Contact',
    openCard: 'Open card',
    conversations: 'All the client’s conversations',
    link: 'Link to a client',
    relink: 'Link to another client',
    create: 'Create client',
    creating: 'Creating…',
    search: 'Find a client',
    searchPlaceholder: 'Name, e-mail or phone',
    confirm: 'Link',
    linking: 'Linking…',
    cancel: 'Cancel',
    linked: 'The conversation is linked to “{{name}}”.',
    created: 'A client card was created and the conversation linked to it.',
  },
  knowledge: {
    search: 'Search the knowledge base',
    searchPlaceholder: 'Search the knowledge base',
    suggested: 'Suggested from the client’s last messages',
    results: 'Found for your search',
    nothing: 'Nothing found',
    noClientWords: 'The client has not asked anything yet: type a search.',
    insertLink: 'Insert link',
    insertText: 'Insert text',
    staffOnly: 'Staff only',
    staffLinkHint: 'A staff-only article: the client cannot open the link',
    open: 'Open article',
    inserted: 'Inserted into the answer',
  },
};

i18n.addResourceBundle('ru', 'translation', { dialogSide: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { dialogSide: en }, true, false);
