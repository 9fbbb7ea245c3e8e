/** One thing that happens in a demo dialog, in order; people are named by their demo login. */
export type DemoStep =
  | { client: string }
  | { take: string }
  | { operator: string; text: string }
  | { note: string; text: string }
  | { close: string }
  | { rate: number; comment?: string }
  | { escalate: string; request: Record<string, unknown> };

/** A scripted conversation on the site chat: who writes, and what happens to it. */
export interface DemoDialog {
  /** Stable: the visitor's id and the messages' channel ids derive from it, so a second install finds the first. */
  key: string;
  client: { name: string; email?: string };
  /** The line the first message is routed to by the template's rules (the test holds the script to it). */
  line: 'first-line' | 'accounting' | 'delivery';
  steps: DemoStep[];
}

/**
 * The demo's conversations, in the order they arrive: some wait in «Бухгалтерия» and «Доставка и возврат», one on
 * «Общие вопросы» meets the line's bot (it greets, searches the knowledge base and hands over once the server runs),
 * some are being answered, some were closed and rated, one went to the second line as a request.
 * Clients with the e-mail of a template client are recognised and land on that client's card.
 */
export const demoDialogs: readonly DemoDialog[] = [
  {
    key: 'closed-password',
    client: { name: 'Павел Соколов', email: 'p.sokolov@mail.example' },
    line: 'first-line',
    steps: [
      {
        client: 'Добрый день! Как поменять пароль от личного кабинета? Старый вроде помню, но хочу сменить.',
      },
      { take: 'ivan' },
      {
        operator: 'ivan',
        text: 'Здравствуйте, Павел! Откройте «Профиль» → «Безопасность» → «Сменить пароль», введите старый пароль и дважды новый — не короче 8 символов, с цифрой и буквой.',
      },
      { client: 'Получилось, спасибо! Быстро вы.' },
      { operator: 'ivan', text: 'Рад был помочь! Хорошего дня.' },
      { close: 'ivan' },
      { rate: 5 },
    ],
  },
  {
    key: 'closed-receipt',
    client: { name: 'Ирина Лебедева', email: 'i.lebedeva@mail.example' },
    line: 'accounting',
    steps: [
      { client: 'Здравствуйте, оплатила заказ 10511 картой, а электронный чек на почту не пришёл.' },
      { take: 'marina' },
      {
        operator: 'marina',
        text: 'Здравствуйте, Ирина! Вижу платёж от вчерашнего дня: чек ушёл на адрес i.lebedeva@mail.example. Проверьте, пожалуйста, папку «Спам».',
      },
      { client: 'Нашла в спаме, всё в порядке.' },
      { operator: 'marina', text: 'Отлично! Чеки всегда доступны и в разделе «Мои заказы». Всего доброго!' },
      { close: 'marina' },
      { rate: 4 },
    ],
  },
  {
    key: 'closed-return',
    client: { name: 'Николай Зайцев', email: 'n.zaytsev@mail.example' },
    line: 'delivery',
    steps: [
      { client: 'Хочу вернуть товар — кроссовки не подошли по размеру. Как оформить возврат?' },
      { take: 'olga' },
      {
        operator: 'olga',
        text: 'Здравствуйте, Николай! Вернуть товар можно в течение 14 дней: оформите заявку в разделе «Мои заказы» → «Вернуть товар» и отнесите коробку в любой пункт выдачи.',
      },
      { client: 'А курьер может забрать? Пункт выдачи далеко.' },
      {
        operator: 'olga',
        text: 'К сожалению, курьерский забор для обуви сейчас недоступен — только пункт выдачи. Деньги вернутся в течение 10 дней после приёмки.',
      },
      { client: 'Понятно. Долго ждал ответа, но ладно.' },
      { close: 'olga' },
      { rate: 2, comment: 'Долго ждал ответа в чате, и всё равно пришлось самому ехать в пункт выдачи.' },
    ],
  },
  {
    key: 'closed-delivery-cost',
    client: { name: 'Наталья Фёдорова', email: 'n.fedorova@mail.example' },
    line: 'delivery',
    steps: [
      { client: 'Сколько стоит доставка курьером в Казань и за сколько дней привезут?' },
      { take: 'olga' },
      {
        operator: 'olga',
        text: 'Здравствуйте, Наталья! Курьером в Казань — 390 ₽, бесплатно от 3000 ₽. Срок — 2–3 рабочих дня после сборки заказа.',
      },
      { client: 'Супер, оформляю. Спасибо!' },
      { close: 'olga' },
      { rate: 5 },
    ],
  },
  {
    key: 'escalated-report',
    client: { name: 'Андрей Морозов', email: 'a.morozov@mail.example' },
    line: 'first-line',
    steps: [
      {
        client:
          'При выгрузке квартального отчёта в Excel третий раз подряд вижу «Ошибка 500». Отчёт нужен к пятнице.',
      },
      { take: 'ivan' },
      {
        operator: 'ivan',
        text: 'Здравствуйте, Андрей! Очистка кэша не помогла? Подскажите, пожалуйста, браузер и примерное время последней попытки.',
      },
      { client: 'Кэш чистил. Chrome, последняя попытка минут десять назад.' },
      {
        note: 'ivan',
        text: 'Воспроизвёл на тестовом кабинете: падает выгрузка больше 10 000 строк. Передаю второй линии.',
      },
      {
        operator: 'ivan',
        text: 'Спасибо! Ошибка на нашей стороне: передаю вопрос специалистам второй линии, они ответят до конца дня.',
      },
      {
        escalate: 'ivan',
        request: {
          subject: 'Ошибка 500 при выгрузке квартального отчёта в Excel',
          priority: 'high',
          channel: 'chat',
          category: 'technical',
        },
      },
    ],
  },
  {
    key: 'open-delay',
    client: { name: 'Петров Алексей Игоревич', email: 'a.petrov@romashka.example' },
    line: 'delivery',
    steps: [
      {
        client:
          'Здравствуйте, заказ 10234 должны были доставить вчера, а статус не меняется уже третий день.',
      },
      { take: 'olga' },
      { operator: 'olga', text: 'Здравствуйте, Алексей! Проверяю информацию по заказу, минутку.' },
      { client: 'Спасибо, жду.' },
      {
        operator: 'olga',
        text: 'Заказ задержался на сортировочном складе, курьер привезёт его завтра с 10:00 до 14:00. Трек-номер RB123456789RU.',
      },
      { client: 'А можно привезти после 18:00? Днём в офисе никого не будет.' },
    ],
  },
  {
    key: 'open-login',
    client: { name: 'Кузнецова Елена Викторовна', email: 'e.kuznetsova@severstroy.example' },
    line: 'first-line',
    steps: [
      {
        client:
          'Добрый день! Сменила номер телефона и теперь не могу войти в кабинет: код приходит на старый.',
      },
      { take: 'ivan' },
      {
        operator: 'ivan',
        text: 'Здравствуйте, Елена! Подскажите, пожалуйста, почту, на которую зарегистрирован кабинет.',
      },
      { client: 'e.kuznetsova@severstroy.example' },
      { note: 'ivan', text: 'В профиле старый номер. Отправил ссылку для входа по почте.' },
      {
        operator: 'ivan',
        text: 'Отправил на эту почту ссылку для входа, она действует 24 часа. После входа обновите телефон в «Профиле».',
      },
    ],
  },
  {
    key: 'open-double-charge',
    client: { name: 'Смирнов Дмитрий Олегович', email: 'd.smirnov@severstroy.example' },
    line: 'accounting',
    steps: [
      { client: 'У нас дважды списали оплату по счёту 4512! Прошу срочно разобраться.' },
      { take: 'marina' },
      {
        operator: 'marina',
        text: 'Здравствуйте, Дмитрий! Вижу два проведённых платежа по счёту 4512. Оформляю возврат лишнего списания — деньги вернутся в течение 10 рабочих дней.',
      },
      { client: 'Хорошо. Пришлите, пожалуйста, подтверждение на почту.' },
    ],
  },
  {
    key: 'waiting-invoice',
    client: { name: 'Иванова Мария Петровна', email: 'm.ivanova@romashka.example' },
    line: 'accounting',
    steps: [
      { client: 'Здравствуйте! Не могу найти счёт-фактуру за ноябрь в личном кабинете. Где её взять?' },
      { client: 'ООО «Ромашка», ИНН 7701234567.' },
    ],
  },
  {
    key: 'waiting-reconciliation',
    client: { name: 'Волков Сергей Андреевич', email: 's.volkov@mfc.example' },
    line: 'accounting',
    steps: [{ client: 'Добрый день. Нужен акт сверки за третий квартал — куда направить запрос?' }],
  },
  {
    key: 'waiting-refund',
    client: { name: 'Тимур Галиев' },
    line: 'accounting',
    steps: [
      { client: 'Вернул товар неделю назад, а возврат денег так и не пришёл. Когда ждать?' },
      { client: 'Номер заказа 10498.' },
    ],
  },
  {
    key: 'waiting-courier',
    client: { name: 'Орлова Анна Сергеевна', email: 'anna.orlova@mail.example' },
    line: 'delivery',
    steps: [{ client: 'Курьер не приехал в назначенный интервал, заказ 10877. Что делать?' }],
  },
  {
    key: 'waiting-pickup',
    client: { name: 'Екатерина Белова' },
    line: 'delivery',
    steps: [{ client: 'Можно поменять пункт выдачи? Посылка ещё не отправлена.' }],
  },
  {
    key: 'waiting-sms',
    client: { name: 'Ксения' },
    line: 'first-line',
    steps: [{ client: 'Не приходит СМС-код при входе в личный кабинет, уже трижды запрашивала.' }],
  },
];
