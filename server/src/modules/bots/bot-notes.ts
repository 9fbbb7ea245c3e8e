/** The install's language: what the server's notes for staff are written in (OPORA_LANGUAGE). */
export type StaffLanguage = 'ru' | 'en';

/**
 * The notes a bot leaves for operators (never sent to the client), in the install's language. Names and block ids
 * are the designer's own and stay as written.
 */
export const botNotes = {
  ru: {
    handedOver: 'Бот передал диалог оператору.',
    unpublished: 'Бот линии не опубликован: диалог ждёт оператора.',
    writesOn: 'Бот закончил разговор, а клиент пишет дальше.',
    failed: (block: string) => `Бот остановился с ошибкой в блоке «${block}»`,
    missingBot: (bot: string) => `Бот «${bot}» не опубликован: диалог не продолжить.`,
  },
  en: {
    handedOver: 'The bot handed the dialog over to an operator.',
    unpublished: 'The line’s bot is not published: the dialog waits for an operator.',
    writesOn: 'The bot finished the conversation, and the client writes on.',
    failed: (block: string) => `The bot stopped with an error in block “${block}”`,
    missingBot: (bot: string) => `Bot “${bot}” is not published: the dialog cannot go on.`,
  },
} satisfies Record<StaffLanguage, unknown>;

/** What the bot collected, as the note operators read when the dialog reaches them (nothing said of what it did not). */
export function summaryNote(
  summary: readonly { label: string; value: string }[],
  language: StaffLanguage,
): string {
  const lines = summary
    .filter((item) => item.value.trim() !== '')
    .map((item) => `${item.label}: ${item.value}`);
  return [botNotes[language].handedOver, ...lines].join('\n').slice(0, 8000);
}

/** A bot's failure, with the engine's message where it gave one. */
export function failureNote(block: string, message: string | undefined, language: StaffLanguage): string {
  const head = botNotes[language].failed(block);
  return message ? `${head}: ${message}`.slice(0, 8000) : head;
}
