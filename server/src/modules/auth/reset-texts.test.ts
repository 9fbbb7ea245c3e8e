import { describe, expect, it } from 'vitest';
import { confirmMail } from '../portal-account/confirm-texts.js';
import { resetMail } from './reset-texts.js';

describe('mail texts', () => {
  const link = 'https://support.example.ru/account/reset?token=abc';

  it('writes in the account’s language, Russian unless it chose English, with the link on a line of its own', () => {
    const ru = resetMail('a@example.ru', { name: 'Анна', login: 'anna', locale: 'ru' }, link);
    expect(ru).toMatchObject({ to: 'a@example.ru', subject: 'Восстановление пароля' });
    expect(ru.text.split('\n')).toContain(link);
    const en = resetMail('a@example.ru', { name: 'Ann', login: 'ann', locale: 'en' }, link);
    expect(en.subject).toBe('Password reset');
    expect(en.text).toContain('Hello, Ann!');
    expect(confirmMail('a@example.ru', { name: 'Ann', locale: 'en' }, link).subject).toBe(
      'Confirm your e-mail address',
    );
    expect(confirmMail('a@example.ru', { name: 'Анна', locale: 'ru' }, link).text.split('\n')).toContain(
      link,
    );
  });
});
