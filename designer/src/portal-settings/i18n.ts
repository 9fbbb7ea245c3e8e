import i18n from '../i18n';
// The shared inputs, undo/redo and audience names come from the page designer's texts.
import '../page-designer/i18n';
import { en } from './i18n-en';

/** The portal settings editor's texts; registered under `portalSettings` at import. */
export const ru = {
  tab: 'Настройки портала',
  publishHint: 'Портал показывает опубликованную версию: сохраните и опубликуйте изменения.',
  loadFailed: 'Список не загрузился — обновите страницу.',
  branding: 'Название и логотип',
  name: 'Название портала',
  tagline: 'Подзаголовок',
  logo: {
    label: 'Логотип',
    none: 'Нет логотипа',
    alt: 'Логотип портала',
    upload: 'Загрузить изображение',
    replace: 'Заменить',
    uploading: 'Загрузка…',
    remove: 'Убрать логотип',
    failed: 'Не удалось загрузить изображение',
    hint: 'PNG, JPEG, SVG или WebP; показывается в шапке высотой до 40 пикселей.',
  },
  colors: {
    title: 'Цвета',
    primary: 'Основной цвет',
    accent: 'Акцент',
    header: 'Фон шапки',
    headerText: 'Текст шапки',
    hex: 'Код цвета «{{label}}»',
    hexHint: 'Код цвета — # и шесть шестнадцатеричных цифр, например #2563eb',
    notSet: 'как у портала ({{color}})',
    clear: 'Сбросить «{{label}}»',
    sampleLink: 'База знаний',
    sampleButton: 'Войти',
    lowContrast:
      'Текст шапки плохо читается на её фоне: контрастность {{ratio}}:1, а нужно не меньше {{min}}:1. Сделайте текст темнее или фон светлее (или наоборот).',
    contrastOk: 'Контрастность текста шапки {{ratio}}:1 — читается хорошо.',
  },
  navigation: 'Главная страница, меню и подвал',
  home: {
    label: 'Главная страница',
    none: '— стандартная главная —',
    hint: 'Страница, которую портал показывает по адресу «/».',
    draftOnly: '(не опубликована)',
    unpublished: 'Эта страница ещё не опубликована — опубликуйте её, иначе портал не примет настройки.',
  },
  menu: {
    title: 'Меню',
    empty: 'В меню пока нет пунктов.',
    item: 'Пункт {{n}}',
    drag: 'Перетащить пункт {{n}}',
    moveUp: 'Поднять пункт {{n}}',
    moveDown: 'Опустить пункт {{n}}',
    remove: 'Удалить пункт {{n}}',
    label: 'Надпись',
    target: 'Куда ведёт',
    badTarget: 'Путь на портале (например, /kb) или адрес https://',
    audience: 'Кому показывать (без отметок — всем)',
    add: 'Добавить пункт',
    // What a screen reader says while an item is dragged with the keyboard (dnd-kit speaks English otherwise).
    dnd: {
      roleDescription: 'перетаскиваемый пункт меню',
      instructions:
        'Чтобы переместить пункт, нажмите пробел или Enter, стрелками вверх и вниз выберите место и снова нажмите пробел или Enter. Esc — отмена.',
      start: 'Пункт {{n}} поднят.',
      over: 'Пункт {{n}} над местом {{to}}.',
      outside: 'Пункт {{n}} вне списка.',
      end: 'Пункт {{n}} поставлен на место {{to}}.',
      dropped: 'Пункт {{n}} отпущен.',
      cancel: 'Перемещение отменено, пункт {{n}} на прежнем месте.',
    },
  },
  footer: 'Подвал',
  footerText: 'Текст подвала',
  account: {
    title: 'Личный кабинет',
    intro:
      'Где хранятся клиенты и их обращения: при регистрации на портале создаётся клиент, обращение с портала ссылается на него, а «Мои обращения» показывают обращения клиента и их статус.',
    off: 'Личный кабинет не настроен.',
    enable: 'Настроить',
    disable: 'Отключить личный кабинет',
    noTypes: 'Нет опубликованных типов данных для обращений и клиентов.',
    requests: 'Тип данных обращений',
    requestClient: 'Поле обращения со ссылкой на клиента',
    requestStatus: 'Поле статуса обращения',
    clients: 'Тип данных клиентов',
    clientName: 'Поле имени клиента',
    clientEmail: 'Поле почты клиента',
    noField: '— нет подходящего поля —',
  },
};

i18n.addResourceBundle('ru', 'translation', { portalSettings: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { portalSettings: en }, true, false);

export { en };
