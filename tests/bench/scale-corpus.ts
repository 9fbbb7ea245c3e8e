import { type EntityBody, recordTitle, searchableText } from '@opora/runtime/definitions';

/**
 * The seeded records' contents, computed here once per combination by the runtime's own `recordTitle` and
 * `searchableText`, so the bulk INSERT stores exactly what a save through the API would. `{n}` stands for a
 * per-row number (an order, an invoice) that the SQL fills in, in the data, the title and the search text alike.
 */
export interface Variant {
  i: number;
  data: Record<string, unknown>;
  title: string;
  searchText: string;
  /** The status before the last change (null for a record still «Новое»): the second row of its history. */
  previousStatus: string | null;
}

const topics: { category: string; subject: string; description: string }[] = [
  {
    category: 'account',
    subject: 'Не приходит письмо для восстановления пароля',
    description: 'Нажимаю «Забыли пароль?», ввожу почту, но письмо так и не приходит. В спаме тоже пусто.',
  },
  {
    category: 'account',
    subject: 'Не могу войти в личный кабинет после смены телефона',
    description: 'Сменила номер телефона, теперь не приходит код подтверждения при входе.',
  },
  {
    category: 'account',
    subject: 'Как сменить фотографию профиля?',
    description: 'Хочу поменять фото в профиле, но не нахожу, где это сделать в новом интерфейсе.',
  },
  {
    category: 'account',
    subject: 'Заблокирована учётная запись {n}',
    description:
      'После трёх неверных попыток ввода пароля учётную запись заблокировали. Прошу разблокировать.',
  },
  {
    category: 'account',
    subject: 'Не работает вход через Госуслуги',
    description:
      'После перенаправления с ЕСИА снова открывается страница входа, авторизоваться не получается.',
  },
  {
    category: 'payment',
    subject: 'Двойное списание при оплате счёта № {n}',
    description: 'При оплате счёта картой деньги списались дважды. Прошу вернуть лишний платёж.',
  },
  {
    category: 'payment',
    subject: 'Нужны закрывающие документы по договору {n}',
    description: 'Просим направить акт и счёт-фактуру за прошлый месяц на электронную почту бухгалтерии.',
  },
  {
    category: 'payment',
    subject: 'Не проходит оплата по СБП',
    description: 'При оплате через систему быстрых платежей банк возвращает ошибку, деньги не списываются.',
  },
  {
    category: 'payment',
    subject: 'Возврат средств за отменённый заказ № {n}',
    description: 'Заказ отменили две недели назад, а деньги на карту так и не вернулись.',
  },
  {
    category: 'payment',
    subject: 'Неверная сумма в счёте {n}',
    description: 'В счёте указана сумма больше, чем в договоре: не учтена скидка. Просим пересчитать.',
  },
  {
    category: 'delivery',
    subject: 'Задерживается доставка заказа № {n}',
    description:
      'Заказ должны были доставить вчера, статус не меняется третий день. Подскажите, где посылка?',
  },
  {
    category: 'delivery',
    subject: 'Курьер не приехал в назначенное время',
    description: 'Ждал курьера весь день, никто не приехал и не позвонил. Прошу перенести доставку.',
  },
  {
    category: 'delivery',
    subject: 'Привезли повреждённый товар, заказ {n}',
    description: 'Коробка смята, у товара разбит корпус. Хочу оформить возврат или замену.',
  },
  {
    category: 'delivery',
    subject: 'Как изменить адрес доставки?',
    description: 'Переезжаю, нужно доставить заказ по другому адресу. Где это поменять?',
  },
  {
    category: 'delivery',
    subject: 'Не хватает позиций в заказе № {n}',
    description: 'В посылке пришли не все товары: нет двух позиций из пяти, хотя оплачены все.',
  },
  {
    category: 'technical',
    subject: 'Ошибка 500 при выгрузке отчёта',
    description: 'При выгрузке отчёта за квартал в Excel появляется ошибка 500. Отчёт нужен до пятницы.',
  },
  {
    category: 'technical',
    subject: 'Мобильное приложение вылетает при запуске',
    description: 'После обновления приложение закрывается сразу после заставки. Переустановка не помогла.',
  },
  {
    category: 'technical',
    subject: 'Не загружаются вложения в обращении',
    description: 'Пытаюсь прикрепить скан договора в формате PDF, загрузка зависает на середине.',
  },
  {
    category: 'technical',
    subject: 'Медленно открываются страницы кабинета',
    description: 'Каждая страница личного кабинета открывается по полминуты, раньше такого не было.',
  },
  {
    category: 'technical',
    subject: 'Интеграция с 1С перестала выгружать документы {n}',
    description: 'Со вчерашнего дня обмен с 1С завершается ошибкой авторизации, документы не выгружаются.',
  },
  {
    category: 'other',
    subject: 'Предложение по улучшению сервиса',
    description: 'Было бы удобно получать уведомления о статусе обращения в Telegram.',
  },
  {
    category: 'other',
    subject: 'Жалоба на работу специалиста',
    description: 'Специалист не ответил на вопрос и закрыл обращение без решения. Прошу разобраться.',
  },
  {
    category: 'other',
    subject: 'Запрос на сотрудничество',
    description: 'Наша компания хочет стать партнёром. С кем можно обсудить условия?',
  },
  {
    category: 'other',
    subject: 'Благодарность за быстрое решение {n}',
    description: 'Спасибо за оперативную помощь, вопрос решили за полчаса!',
  },
];

/**
 * How a long-running desk's requests are spread: most of them closed long ago. Units of a weighted draw; each
 * status knows the one it came from, which the record's history shows as its last change.
 */
const statuses: { value: string; weight: number; previous: string | null }[] = [
  { value: 'new', weight: 2, previous: null },
  { value: 'in_progress', weight: 2, previous: 'new' },
  { value: 'waiting', weight: 2, previous: 'in_progress' },
  { value: 'resolved', weight: 2, previous: 'in_progress' },
  { value: 'closed', weight: 11, previous: 'resolved' },
  { value: 'rejected', weight: 1, previous: 'new' },
];
const priorities = [
  { value: 'low', weight: 1 },
  { value: 'normal', weight: 3 },
  { value: 'high', weight: 1 },
  { value: 'critical', weight: 1 },
];
const channels = ['portal', 'email', 'chat', 'telegram', 'phone'];

const weighted = <T extends { weight: number }>(items: T[]): T[] =>
  items.flatMap((item) => Array.from({ length: item.weight }, () => item));

/** Every combination of topic, status, priority and channel, statuses and priorities repeated by weight. */
export function requestVariants(body: EntityBody): Variant[] {
  const variants: Variant[] = [];
  for (const topic of topics)
    for (const status of weighted(statuses))
      for (const priority of weighted(priorities))
        for (const channel of channels) {
          const data = {
            subject: topic.subject,
            description: topic.description,
            status: status.value,
            priority: priority.value,
            channel,
            category: topic.category,
          };
          variants.push({
            i: variants.length,
            data,
            title: recordTitle(body, data),
            searchText: searchableText(body, data),
            previousStatus: status.previous,
          });
        }
  return variants;
}

const people = [
  'Иванова Мария Петровна',
  'Петров Алексей Игоревич',
  'Смирнов Дмитрий Олегович',
  'Кузнецова Елена Викторовна',
  'Волков Сергей Андреевич',
  'Орлова Анна Сергеевна',
  'Соколов Игорь Николаевич',
  'Лебедева Ольга Дмитриевна',
  'Козлов Павел Александрович',
  'Новикова Татьяна Юрьевна',
  'Морозов Андрей Викторович',
  'Зайцева Наталья Ивановна',
];
const positions = ['Главный бухгалтер', 'Менеджер по закупкам', 'Руководитель ИТ-отдела', 'Юрист', ''];
const preferred = ['email', 'phone', 'telegram', 'chat'];

/** Client cards: a person, a position, a preferred channel; `{n}` makes each e-mail unique, as the type requires. */
export function clientVariants(body: EntityBody): Variant[] {
  const variants: Variant[] = [];
  for (const fullName of people)
    for (const position of positions)
      for (const preferredChannel of preferred) {
        const data: Record<string, unknown> = {
          fullName,
          email: `client{n}@example.ru`,
          preferredChannel,
          vip: false,
          ...(position ? { position } : {}),
        };
        variants.push({
          i: variants.length,
          data,
          title: recordTitle(body, data),
          searchText: searchableText(body, data),
          previousStatus: null,
        });
      }
  return variants;
}

/** What the search figures look for in many requests (the rare ones are order numbers read from the seed). */
export const commonSearches = [
  'пароль',
  'доставка заказа',
  'ошибка выгрузки отчёта',
  'двойное списание',
  'возврат',
];
