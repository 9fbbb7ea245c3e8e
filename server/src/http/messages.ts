import type { Locale } from '@opora/sdk';

/** The one catalogue of user-facing server messages, Russian first. `{name}` placeholders take params. */
const catalogue = {
  unauthorized: { ru: 'Требуется вход в систему', en: 'Authentication required' },
  forbidden: { ru: 'Недостаточно прав для этого действия', en: 'You are not allowed to do this' },
  csrf_failed: {
    ru: 'Запрос отклонён: отсутствует или неверен CSRF-токен',
    en: 'Request refused: missing or invalid CSRF token',
  },
  not_found: { ru: 'Не найдено: {what}', en: 'Not found: {what}' },
  task_closed: {
    ru: 'Задача уже закрыта: её решили, отозвали или процесс завершился',
    en: 'The task is closed: it was decided, withdrawn, or its process ended',
  },
  task_claimed: { ru: 'Задачу уже взял в работу {name}', en: '{name} has already taken the task' },
  task_not_yours: {
    ru: 'Эта задача назначена не вам: решить её может исполнитель или руководитель',
    en: 'This task is not assigned to you: its assignee or a supervisor may decide it',
  },
  document_changed: {
    ru: 'Документ изменился, пока вы его смотрели: откройте его заново и примите решение ещё раз',
    en: 'The document changed since you opened it: reopen it and decide again',
  },
  four_eyes: {
    ru: 'Автор документа не может согласовывать его сам (принцип четырёх глаз)',
    en: 'The author of the document cannot approve it (four-eyes rule)',
  },
  task_refused: {
    ru: 'Процесс не принял решение: {reason}',
    en: 'The process did not take the decision: {reason}',
  },
  task_not_delegable: {
    ru: 'Эту задачу нельзя передать: делегировать можно только согласование',
    en: 'This task cannot be delegated: only approvals can',
  },
  task_not_approval: {
    ru: 'Списком можно согласовать только задачи согласования',
    en: 'Only approval tasks can be approved from the list',
  },
  delegate_unknown: {
    ru: 'Нельзя передать задачу: нет такого активного сотрудника',
    en: 'Cannot delegate: there is no such active staff member',
  },
  answer_empty: { ru: 'Напишите текст ответа или приложите файл', en: 'Write an answer or attach a file' },
  contact_unnamed: {
    ru: 'Клиент не назвал ни имени, ни адреса: создайте карточку вручную',
    en: 'The contact told no name or address: create the client card by hand',
  },
  secrets_key_missing: {
    ru: 'Секреты нельзя сохранить: на сервере не задан ключ шифрования OPORA_SECRETS_KEY',
    en: 'Secrets cannot be stored: the server has no encryption key (OPORA_SECRETS_KEY)',
  },
  secret_missing: { ru: 'Секрет «{name}» не задан', en: 'Secret "{name}" is not set' },
  integration_refused: {
    ru: 'Запрос к интеграции не выполнен: {reason}',
    en: 'The integration call did not go through: {reason}',
  },
  script_not_published: {
    ru: 'Скрипт «{key}» не опубликован',
    en: 'Script "{key}" is not published',
  },
  script_sdk_failed: {
    ru: 'Не удалось выполнить {op}: внутренняя ошибка сервера (подробности — в журнале сервера)',
    en: '{op} failed: internal server error (details are in the server log)',
  },
  scripts_busy: {
    ru: 'Слишком много скриптов ждут запуска (не больше {count}); повторите чуть позже',
    en: 'Too many scripts are waiting to run (at most {count}); try again shortly',
  },
  script_runs_per_user: {
    ru: 'Уже выполняется или ждёт запуска предельное число ваших пробных запусков ({count}); дождитесь их окончания',
    en: 'You already have the most test runs running or waiting ({count}); wait for them to finish',
  },
  route_not_found: { ru: 'Нет такого адреса API: {method} {url}', en: 'No such API route: {method} {url}' },
  bad_update: {
    ru: 'Канал не смог прочитать обновление: {reason}',
    en: 'The channel could not read the update: {reason}',
  },
  bad_signature: {
    ru: 'Подпись вызова не принята ({reason}): подпишите тело и метку времени общим секретом канала',
    en: 'The call’s signature was not accepted ({reason}): sign the body and timestamp with the channel’s secret',
  },
  invalid_cursor: {
    ru: 'Неверная отметка страницы: начните список сначала',
    en: 'Invalid page marker: start the list from the beginning',
  },
  malformed_json: {
    ru: 'Тело запроса — некорректный JSON: {reason}',
    en: 'Request body is not valid JSON: {reason}',
  },
  json_empty: { ru: 'тело запроса пустое', en: 'the body is empty' },
  json_invalid: { ru: 'это не JSON', en: 'it is not JSON' },
  json_end: { ru: 'текст обрывается, не закончив JSON', en: 'the text ends before the JSON does' },
  json_unexpected: {
    ru: 'неожиданный символ «{char}» в строке {line}, столбце {column}',
    en: 'unexpected character "{char}" at line {line}, column {column}',
  },
  json_control: {
    ru: 'управляющий символ внутри строки (строка {line}, столбец {column}); его нужно записать как \\u00XX',
    en: 'a control character inside a string (line {line}, column {column}); write it as \\u00XX',
  },
  json_escape: {
    ru: 'неверная escape-последовательность в строке {line}, столбце {column}',
    en: 'an invalid escape sequence at line {line}, column {column}',
  },
  json_number: {
    ru: 'неверно записано число в строке {line}, столбце {column}',
    en: 'a malformed number at line {line}, column {column}',
  },
  json_too_deep: {
    ru: 'Тело запроса вложено глубже {limit} уровней',
    en: 'The request body is nested deeper than {limit} levels',
  },
  json_too_many_keys: {
    ru: 'В объекте больше {limit} полей',
    en: 'An object has more than {limit} properties',
  },
  json_too_many_items: {
    ru: 'В списке больше {limit} элементов',
    en: 'A list has more than {limit} items',
  },
  forbidden_key: { ru: 'Поле «{key}» недопустимо', en: 'Property "{key}" is not allowed' },
  text_nul: {
    ru: 'Текст содержит нулевой символ (\\u0000); такой текст сохранить нельзя',
    en: 'The text contains a NUL character (\\u0000), which cannot be stored',
  },
  text_lone_surrogate: {
    ru: 'Текст содержит половину суррогатной пары UTF-16 (\\uD800–\\uDFFF без пары); такой текст сохранить нельзя',
    en: 'The text contains half of a UTF-16 surrogate pair (\\uD800–\\uDFFF unpaired), which cannot be stored',
  },
  payload_too_large: { ru: 'Тело запроса слишком большое', en: 'Request body is too large' },
  unsupported_media_type: {
    ru: 'Неподдерживаемый тип содержимого; отправьте JSON (application/json)',
    en: 'Unsupported content type; send JSON (application/json)',
  },
  not_multipart: {
    ru: 'Файл нужно отправить формой multipart/form-data',
    en: 'Send the file as a multipart/form-data form',
  },
  multipart_malformed: {
    ru: 'Форма с файлом повреждена или пришла не полностью; отправьте её ещё раз',
    en: 'The file form is damaged or arrived incomplete; send it again',
  },
  multipart_limit: {
    ru: 'В форме слишком много полей или файлов',
    en: 'The form has too many fields or files',
  },
  content_length_mismatch: {
    ru: 'Размер тела запроса не совпадает с заголовком Content-Length',
    en: 'The request body size does not match its Content-Length header',
  },
  bad_url: { ru: 'Некорректный адрес запроса', en: 'The request address is malformed' },
  uri_too_long: {
    ru: 'Часть адреса запроса слишком длинная',
    en: 'A part of the request address is too long',
  },
  bad_request: { ru: 'Некорректный запрос', en: 'Bad request' },
  nothing_here: { ru: 'Не найдено', en: 'Not found' },
  body_missing: { ru: 'У запроса должно быть тело', en: 'The request needs a body' },
  headers_too_large: { ru: 'Заголовки запроса слишком большие', en: 'The request headers are too large' },
  client_timeout: {
    ru: 'Запрос не пришёл полностью вовремя',
    en: 'The request did not arrive in full in time',
  },
  request_timeout: {
    ru: 'Сервер не успел обработать запрос; повторите позже',
    en: 'The server did not finish the request in time; try again later',
  },
  validation_failed: { ru: 'Данные не прошли проверку', en: 'The data is invalid' },
  definition_invalid: {
    ru: 'Определение содержит ошибки и не может быть опубликовано',
    en: 'The definition has errors and cannot be published',
  },
  bpmn_refused: { ru: 'BPMN-файл не принят: {reason}', en: 'The BPMN file was refused: {reason}' },
  process_not_found: { ru: 'Процесс «{key}» не опубликован', en: 'Process "{key}" is not published' },
  process_start_refused: { ru: 'Процесс не запущен: {reason}', en: 'The process did not start: {reason}' },
  process_instance_not_found: { ru: 'Экземпляр процесса не найден', en: 'Process instance not found' },
  process_instance_ended: {
    ru: 'Экземпляр процесса уже завершён',
    en: 'The process instance has already ended',
  },
  bundle_invalid: {
    ru: 'Пакет содержит ошибки; ничего не импортировано',
    en: 'The bundle has errors; nothing was imported',
  },
  version_conflict: {
    ru: 'Данные уже изменил кто-то другой (ваша версия {given}, текущая {current}). Обновите и повторите.',
    en: 'Someone else changed this already (your version {given}, current {current}). Reload and try again.',
  },
  duplicate_key: { ru: 'Уже существует: {what}', en: 'Already exists: {what}' },
  unique_violation: {
    ru: 'Значение поля «{field}» должно быть уникальным',
    en: 'Field "{field}" must be unique',
  },
  has_versions: {
    ru: 'У определения есть опубликованные версии; его можно только отправить в архив',
    en: 'The definition has published versions; archive it instead',
  },
  entity_not_published: {
    ru: 'Тип данных «{entity}» не опубликован',
    en: 'Data type "{entity}" is not published',
  },
  file_too_large: {
    ru: 'Файл слишком большой: можно не больше {limit} МБ',
    en: 'The file is too large: at most {limit} MB is allowed',
  },
  file_type_not_allowed: {
    ru: 'Файл «{name}» этого типа сюда загрузить нельзя; допустимо: {accept}',
    en: 'File "{name}" is not of an allowed type; allowed: {accept}',
  },
  file_field_unknown: {
    ru: 'У типа данных «{entity}» нет поля-файла «{field}»',
    en: 'Data type "{entity}" has no file field "{field}"',
  },
  file_missing: { ru: 'В запросе нет файла', en: 'The request has no file' },
  file_form_order: {
    ru: 'Поля entity и field должны идти в форме перед файлом',
    en: 'The form fields entity and field must come before the file',
  },
  file_ref_invalid: {
    ru: 'Файл «{name}» не найден среди загруженных для этого поля; загрузите его заново',
    en: 'File "{name}" is not among the files uploaded for this field; upload it again',
  },
  file_content_missing: {
    ru: 'Содержимое файла не найдено в хранилище сервера',
    en: 'The file content is missing from the server storage',
  },
  category_in_use: {
    ru: 'В разделе есть статьи ({articles}) или подразделы ({children}); перенесите их, затем удалите раздел',
    en: 'The category holds articles ({articles}) or subcategories ({children}); move them first',
  },
  article_transition: {
    ru: 'Статью нельзя перевести из состояния «{from}» в «{to}»',
    en: 'An article cannot move from "{from}" to "{to}"',
  },
  article_was_published: {
    ru: 'Статья уже публиковалась; её можно только отправить в архив',
    en: 'The article has been published; archive it instead',
  },
  portal_accounts_off: {
    ru: 'Регистрация на портале не настроена: в опубликованном портале не указано, где хранятся клиенты и их обращения',
    en: 'Portal sign-up is not set up: the published portal does not say where clients and their requests are kept',
  },
  email_taken: {
    ru: 'С этим адресом электронной почты уже зарегистрирован пользователь. Войдите в систему',
    en: 'An account with this email address already exists. Sign in instead',
  },
  client_email_known: {
    ru: 'Этот адрес уже есть в нашей базе клиентов. Чтобы получить доступ к личному кабинету, обратитесь в поддержку',
    en: 'This address is already in our client records. Contact support to get access to your account',
  },
  cross_origin: {
    ru: 'Подключение с чужого сайта отклонено',
    en: 'Connections from another site are refused',
  },
  notification_request_status: {
    ru: 'Статус обращения № {number} изменён: {status}',
    en: 'Request #{number} status changed: {status}',
  },
  support_team: { ru: 'Служба поддержки', en: 'Support team' },
  announcement_window: {
    ru: 'Окончание должно быть позже начала',
    en: 'The end must be later than the start',
  },
  announcement_title_blank: { ru: 'Заполните заголовок', en: 'Enter a title' },
  invalid_credentials: { ru: 'Неверный логин или пароль', en: 'Wrong login or password' },
  rate_limited: {
    ru: 'Слишком много запросов; повторите через {seconds} с',
    en: 'Too many requests; retry in {seconds} s',
  },
  bad_filter: { ru: 'Некорректный фильтр «{filter}»: {reason}', en: 'Invalid filter "{filter}": {reason}' },
  filter_unknown_operator: {
    ru: 'неизвестная операция «{op}» (есть: {ops})',
    en: 'unknown operator "{op}" (there are: {ops})',
  },
  filter_unknown_field: { ru: 'нет поля «{field}»', en: 'no field "{field}"' },
  filter_operator_unsupported: {
    ru: 'операция «{op}» к полю «{field}» не применима',
    en: 'operator "{op}" does not apply to "{field}"',
  },
  filter_not_number: { ru: '«{value}» — не число', en: '"{value}" is not a number' },
  filter_not_whole_number: { ru: '«{value}» — не целое число', en: '"{value}" is not a whole number' },
  filter_not_date: {
    ru: '«{value}» — не дата (нужна вида 2024-03-01 или 2024-03-01T10:00)',
    en: '"{value}" is not a date (write it as 2024-03-01 or 2024-03-01T10:00)',
  },
  bad_sort: { ru: 'Нельзя сортировать по «{field}»', en: 'Cannot sort by "{field}"' },
  bad_cursor: {
    ru: 'Некорректный курсор страницы «{param}»: {reason}. Откройте список с первой страницы',
    en: 'Invalid page cursor "{param}": {reason}. Open the list from its first page',
  },
  cursor_unreadable: { ru: 'его не удалось прочитать', en: 'it cannot be read' },
  cursor_other_sort: {
    ru: 'он выдан для сортировки «{was}», а запрошена «{is}»',
    en: 'it was made for the order "{was}", not "{is}"',
  },
  cursor_bad_value: { ru: 'значение в нём не подходит к сортировке', en: 'its value does not fit the order' },
  cursor_conflict: {
    ru: 'укажите что-то одно: after, before или offset',
    en: 'give only one of after, before and offset',
  },
  definition_write_forbidden: {
    ru: 'Недостаточно прав: изменять определения вида «{kind}» могут роли {roles}',
    en: 'Not allowed: definitions of kind "{kind}" are changed by the roles {roles}',
  },
  definition_publish_forbidden: {
    ru: 'Недостаточно прав: публиковать определения вида «{kind}» могут роли {roles}',
    en: 'Not allowed: definitions of kind "{kind}" are published by the roles {roles}',
  },
  definition_archive_forbidden: {
    ru: 'Недостаточно прав: отправлять в архив определения вида «{kind}» могут роли {roles}',
    en: 'Not allowed: definitions of kind "{kind}" are archived by the roles {roles}',
  },
  records_read_forbidden: {
    ru: 'Недостаточно прав: читать записи типа «{entity}» могут роли {roles}',
    en: 'Not allowed: records of type "{entity}" are read by the roles {roles}',
  },
  records_create_forbidden: {
    ru: 'Недостаточно прав: создавать записи типа «{entity}» могут роли {roles}',
    en: 'Not allowed: records of type "{entity}" are created by the roles {roles}',
  },
  records_update_forbidden: {
    ru: 'Недостаточно прав: изменять записи типа «{entity}» могут роли {roles}',
    en: 'Not allowed: records of type "{entity}" are changed by the roles {roles}',
  },
  records_delete_forbidden: {
    ru: 'Недостаточно прав: удалять записи типа «{entity}» могут роли {roles}',
    en: 'Not allowed: records of type "{entity}" are deleted by the roles {roles}',
  },
  foreign_client_link: {
    ru: 'Здесь можно указать только вашу собственную запись',
    en: 'Only your own record can be linked here',
  },
  knowledge_base_forbidden: {
    ru: 'Недостаточно прав: базу знаний меняют роли {roles}',
    en: 'Not allowed: the knowledge base is changed by the roles {roles}',
  },
  bundle_forbidden: {
    ru: 'Недостаточно прав на часть пакета; ничего не импортировано',
    en: 'You may not import part of this bundle; nothing was imported',
  },
  bundle_more_refused: {
    ru: 'и ещё {count} элементов',
    en: 'and {count} more items',
  },
  wrong_current_password: { ru: 'Текущий пароль указан неверно', en: 'The current password is wrong' },
  already_archived: { ru: 'Уже в архиве: {what}', en: 'Already archived: {what}' },
  csat_final: {
    ru: 'Оценку уже нельзя изменить: диалог открыт снова',
    en: 'The rating can no longer change: the conversation was reopened',
  },
  csat_not_rated: { ru: 'Сначала поставьте оценку от 1 до 5', en: 'Rate from 1 to 5 first' },
  csat_link_expired: {
    ru: 'Срок действия ссылки для оценки истёк',
    en: 'The rating link has expired',
  },
  csat_period_empty: {
    ru: 'Начало периода должно быть раньше конца',
    en: 'The period must start before it ends',
  },
  escalation_exists: {
    ru: 'Диалог уже передан во вторую линию: обращение № {number}',
    en: 'The conversation was already escalated: request No. {number}',
  },
  escalation_unavailable: {
    ru: 'Передать во вторую линию нельзя: {reason}',
    en: 'Cannot escalate: {reason}',
  },
  nothing_to_publish: {
    ru: 'Нет изменений для публикации: черновик совпадает с версией {version}',
    en: 'Nothing to publish: the draft is the same as version {version}',
  },
  widget_session_invalid: {
    ru: 'Сеанс чата недействителен или истёк; откройте чат заново',
    en: 'The chat session is invalid or has expired; open the chat again',
  },
  widget_too_many_sockets: {
    ru: 'Чат открыт в слишком многих вкладках; закройте лишние',
    en: 'The chat is open in too many tabs; close some of them',
  },
  widget_button_unknown: { ru: 'Такой кнопки в сообщении нет', en: 'The message has no such button' },
  widget_message_empty: {
    ru: 'Напишите сообщение или приложите файл',
    en: 'Write a message or attach a file',
  },
  dialog_taken: { ru: 'Диалог уже взял(а) {name}', en: '{name} has already taken this dialog' },
  dialog_closed: { ru: 'Диалог закрыт', en: 'The dialog is closed' },
  dialog_not_held: {
    ru: 'Диалог никому не назначен — вернуть в очередь нечего',
    en: 'Nobody holds this dialog — there is nothing to return to the queue',
  },
  dialog_held_by_other: {
    ru: 'Диалог ведёт другой оператор: передать или вернуть его может он сам или супервизор',
    en: 'Another operator holds this dialog: only they or a supervisor may pass it on',
  },
  operator_offline: {
    ru: '{name} сейчас не в сети — передайте диалог оператору в статусе «Онлайн»',
    en: '{name} is not online — pass the dialog to an operator who is online',
  },
  operator_not_serving: {
    ru: '{name} не обслуживает линию «{line}»',
    en: '{name} does not serve the line "{line}"',
  },
  operator_full: {
    ru: 'У {name} нет свободных мест: ведёт {load} из {capacity} диалогов',
    en: '{name} has no room: leads {load} of {capacity} dialogs',
  },
  operator_full_self: {
    ru: 'У вас нет свободных мест: вы ведёте {load} из {capacity} диалогов — закройте или передайте один',
    en: 'You have no room: you lead {load} of {capacity} dialogs — close or pass one on first',
  },
  not_an_operator: { ru: '{name} не работает с диалогами', en: '{name} does not work with dialogs' },
  bot_session_missing: {
    ru: 'В этом диалоге бот не работает — возвращать некому',
    en: 'No bot works in this dialog — there is nobody to hand it back to',
  },
  bot_block_refused: {
    ru: 'Бот не может продолжить с блока «{block}»: {reason}',
    en: 'The bot cannot go on from block "{block}": {reason}',
  },
  internal: { ru: 'Внутренняя ошибка сервера', en: 'Internal server error' },
  unavailable: { ru: 'Сервис временно недоступен', en: 'Service unavailable' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof catalogue;

/** A message put in the caller's language only when the answer is written: for code that does not know it. */
export interface Localized {
  key: MessageKey;
  params?: MessageParams;
}
export type MessageParams = Record<string, string | number | Localized>;

export function message(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const texts: Record<Locale, string> = catalogue[key];
  return (texts[locale] ?? texts.ru).replace(/\{(\w+)\}/g, (_: string, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'object' ? message(locale, value.key, value.params) : String(value);
  });
}

/** Russian unless the client clearly prefers English. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'ru';
}
