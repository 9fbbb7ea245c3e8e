import i18n from '../i18n';

/** The rating page an e-mailed link opens; registered under `csat`. */
export const ru = {
  title: 'Оцените, как мы вам помогли',
  intro: 'От 1 (плохо) до 5 (отлично). Вход не нужен.',
  score: 'Оценка',
  scoreLabel: 'Оценка {{score}} из 5',
  comment: 'Комментарий (необязательно)',
  commentHint: 'Что было хорошо, что можно улучшить',
  submit: 'Отправить оценку',
  change: 'Изменить оценку',
  pickScore: 'Выберите оценку от 1 до 5',
  thanks: 'Спасибо за оценку! Её можно изменить, пока диалог не открыт снова.',
  final: 'Диалог открыт снова, поэтому оценку уже нельзя изменить.',
  expired: 'Срок действия ссылки истёк.',
  unknown: 'Ссылка не найдена. Проверьте, что она скопирована полностью.',
  failed: 'Не удалось отправить оценку: сервер недоступен',
  expiresAt: 'Ссылка действует до {{date}}',
};

export const en: typeof ru = {
  title: 'Rate our help',
  intro: 'From 1 (poor) to 5 (excellent). No sign-in needed.',
  score: 'Rating',
  scoreLabel: 'Rating {{score}} of 5',
  comment: 'Comment (optional)',
  commentHint: 'What went well, what could be better',
  submit: 'Send rating',
  change: 'Change rating',
  pickScore: 'Choose a rating from 1 to 5',
  thanks: 'Thank you for your rating! You can change it until the conversation reopens.',
  final: 'The conversation was reopened, so the rating can no longer change.',
  expired: 'The link has expired.',
  unknown: 'The link was not found. Check that it was copied in full.',
  failed: 'Could not send the rating: the server is unavailable',
  expiresAt: 'The link works until {{date}}',
};

i18n.addResourceBundle('ru', 'translation', { csat: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { csat: en }, true, false);
