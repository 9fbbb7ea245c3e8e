import { describe, expect, it } from 'vitest';
import { replyAboveMarker, stripQuotedReply } from './email-quote.js';

describe('stripQuotedReply', () => {
  it('cuts at the marker Opora puts into its e-mails', () => {
    const reply = `Спасибо, заработало!\n\n${replyAboveMarker}\n\nЗдравствуйте, Мария! Попробуйте очистить кэш.`;
    expect(stripQuotedReply(reply)).toBe('Спасибо, заработало!');
  });

  it('cuts at reply headers of common mail programs', () => {
    const headers = [
      'ср, 2 дек. 2026 г. в 21:00, Опора <help@example.ru>:',
      '02.12.2026 21:00, Служба поддержки пишет:',
      'On Wed, Dec 2, 2026 at 9:00 PM Opora <help@example.ru> wrote:',
      '-----Original Message-----',
      '-------- Исходное сообщение --------',
    ];
    for (const header of headers)
      expect(stripQuotedReply(`Всё ещё не работает.\r\n\r\n${header}\r\n> Попробуйте ещё раз.`)).toBe(
        'Всё ещё не работает.',
      );
  });

  it('drops a trailing block of quoted lines but keeps quotes inside the answer', () => {
    expect(
      stripQuotedReply('Вы писали:\n> код 1234\nЭтот код не подходит.\n\n> Здравствуйте!\n> Ваш код 1234'),
    ).toBe('Вы писали:\n> код 1234\nЭтот код не подходит.');
  });

  it('takes an answer written below the quote of the previous mail', () => {
    const reply = `Opora <help@example.ru> пишет:\n> ${replyAboveMarker}\n>\n> Это помогло?\n> 1. Да\n> 2. Нет\n\n2\n`;
    expect(stripQuotedReply(reply)).toBe('2');
  });

  it('keeps the text when all of it looks quoted', () => {
    expect(stripQuotedReply('> только цитата')).toBe('> только цитата');
  });

  it('stays linear on a huge line that almost looks like a header', () => {
    const text = `${'пишет '.repeat(200_000)}\nконец`;
    expect(stripQuotedReply(text)).toBe(text);
  });
});
