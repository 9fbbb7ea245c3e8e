/** What a client is told when the line has no wording of its own. */
export const defaultReplies = {
  queueFull: {
    ru: 'Сейчас все операторы заняты и очередь заполнена. Пожалуйста, напишите нам чуть позже — мы обязательно ответим.',
    en: 'All our operators are busy and the queue is full right now. Please write to us a little later — we will answer.',
  },
  outOfHours: {
    ru: 'Сейчас нерабочее время. Мы ответим, как только начнём работу{resumes}.',
    en: 'We are closed right now. We will answer as soon as we are back{resumes}.',
  },
} as const;
