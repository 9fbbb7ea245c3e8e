import { describe, expect, it } from 'vitest';
import { articleKeyPattern, keyFromTitle, transliterate } from './transliterate';

describe('article keys from titles', () => {
  it('transliterates Russian titles into dashed latin keys', () => {
    expect(keyFromTitle('Как сменить пароль')).toBe('kak-smenit-parol');
    expect(keyFromTitle('Восстановление доступа к личному кабинету')).toBe(
      'vosstanovlenie-dostupa-k-lichnomu-kabinetu',
    );
    expect(keyFromTitle('Щётка, ёжик и объявление')).toBe('shchetka-ezhik-i-obyavlenie');
    expect(keyFromTitle('Оплата: чек не пришёл?!')).toBe('oplata-chek-ne-prishel');
  });

  it('keeps latin and digits, lower-cased', () => {
    expect(keyFromTitle('VPN не подключается (Windows 11)')).toBe('vpn-ne-podklyuchaetsya-windows-11');
  });

  it('starts with a letter and fits the key length, cut at a word', () => {
    expect(keyFromTitle('1С не запускается')).toBe('kb-1s-ne-zapuskaetsya');
    const long = keyFromTitle('Очень длинный заголовок статьи про смену пароля в личном кабинете клиента');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long.endsWith('-')).toBe(false);
    expect(long).toMatch(articleKeyPattern);
    expect(long.startsWith('ochen-dlinnyy-zagolovok-stati')).toBe(true);
  });

  it('gives nothing for a title without letters or digits', () => {
    expect(keyFromTitle('  ?!  ')).toBe('');
    expect(keyFromTitle('')).toBe('');
  });

  it('every key it makes matches the server pattern', () => {
    for (const title of ['Как сменить пароль', '2FA', 'Ъ', 'Что делать, если… (FAQ)']) {
      const key = keyFromTitle(title);
      if (key) expect(key).toMatch(articleKeyPattern);
    }
  });

  it('transliterates letter by letter', () => {
    expect(transliterate('Хочу чай')).toBe('khochu chay');
  });
});
