import i18n from '../i18n';

/** The interactive helper's texts, kept with it; registered under `help` at import. */
export const ru = {
  title: 'Помощник',
  breadcrumbs: 'Шаги',
  start: 'Начало',
  back: 'Назад',
  restart: 'Начать сначала',
  choose: 'Выберите вариант',
  loading: 'Загружаем помощник…',
  notFound: 'Помощник не найден',
  notFoundText: 'Возможно, его ещё не опубликовали. Попробуйте найти ответ поиском.',
  failed: 'Не удалось загрузить помощник.',
  retry: 'Повторить',
  deadEnd: 'Здесь пока нет готового ответа. Свяжитесь со специалистами — они помогут.',
  article: {
    open: 'Открыть статью отдельно',
    loading: 'Загружаем статью…',
    missing: 'Статья сейчас недоступна.',
  },
  answer: {
    question: 'Помогло?',
    yes: 'Да',
    no: 'Нет',
    thanks: 'Спасибо! Рады, что смогли помочь.',
    sorry: 'Жаль, что ответ не помог. Напишите нам — специалисты разберутся.',
  },
  contact: {
    form: 'Заполнить форму обращения',
    formInstead: 'Написать через форму обращения',
    chat: 'Открыть чат',
    forum: 'Перейти на форум',
    formText: 'Опишите вопрос в форме — специалист разберётся и свяжется с вами.',
    chatText: 'Напишите в онлайн-чат — вам ответит оператор.',
    chatMissing: 'Онлайн-чата здесь пока нет — напишите нам через форму обращения.',
    forumMissing: 'Форума здесь пока нет — задайте вопрос через форму обращения.',
    forumText: 'Задайте вопрос на форуме — ответят специалисты и другие пользователи.',
  },
};

export const en: typeof ru = {
  title: 'Helper',
  breadcrumbs: 'Steps',
  start: 'Start',
  back: 'Back',
  restart: 'Start over',
  choose: 'Choose an option',
  loading: 'Loading the helper…',
  notFound: 'Helper not found',
  notFoundText: 'It may not be published yet. Try searching for the answer.',
  failed: 'The helper could not be loaded.',
  retry: 'Try again',
  deadEnd: 'There is no ready answer here yet. Contact our specialists — they will help.',
  article: {
    open: 'Open the article on its own page',
    loading: 'Loading the article…',
    missing: 'The article is not available now.',
  },
  answer: {
    question: 'Did this help?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thank you! Glad we could help.',
    sorry: 'Sorry the answer did not help. Write to us — our specialists will sort it out.',
  },
  contact: {
    form: 'Fill in the request form',
    formInstead: 'Write to us with the request form',
    chat: 'Open the chat',
    forum: 'Go to the forum',
    formText: 'Describe your question in the form — a specialist will look into it and get back to you.',
    chatText: 'Write to the online chat — an operator will reply.',
    chatMissing: 'There is no online chat here yet — write to us with the request form.',
    forumMissing: 'There is no forum here yet — ask your question with the request form.',
    forumText: 'Ask on the forum — specialists and other users will answer.',
  },
};

i18n.addResourceBundle('ru', 'translation', { help: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { help: en }, true, false);
