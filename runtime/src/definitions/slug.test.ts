import { describe, expect, it } from 'vitest';
import { contentKeyPattern, slugFromTitle, transliterate } from './slug.js';

const keyPattern = new RegExp(contentKeyPattern);

describe('slugFromTitle', () => {
  it('transliterates Russian titles into dashed latin keys', () => {
    expect(slugFromTitle('Как сменить пароль')).toBe('kak-smenit-parol');
    expect(slugFromTitle('Счёт-фактура: где взять?')).toBe('schet-faktura-gde-vzyat');
    expect(slugFromTitle('Ошибка 500 при входе')).toBe('oshibka-500-pri-vkhode');
    expect(slugFromTitle('Восстановление доступа к личному кабинету')).toBe(
      'vosstanovlenie-dostupa-k-lichnomu-kabinetu',
    );
    expect(slugFromTitle('Щётка, ёжик и объявление')).toBe('shchetka-ezhik-i-obyavlenie');
  });

  it('keeps latin and digits, lower-cased, without accents', () => {
    expect(slugFromTitle('VPN не подключается (Windows 11)')).toBe('vpn-ne-podklyuchaetsya-windows-11');
    expect(slugFromTitle('Café déjà vu')).toBe('cafe-deja-vu');
  });

  it('starts with a letter and fits the key length, cut at a word', () => {
    expect(slugFromTitle('1С не запускается')).toBe('kb-1s-ne-zapuskaetsya');
    expect(slugFromTitle('1С не запускается', 63, '')).toBe('1s-ne-zapuskaetsya');
    const long = slugFromTitle('Очень длинный заголовок статьи про смену пароля в личном кабинете клиента');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(keyPattern);
    expect(long.startsWith('ochen-dlinnyy-zagolovok-stati')).toBe(true);
    expect(slugFromTitle('Ёжик в тумане'.repeat(10))).toMatch(keyPattern);
  });

  it('gives nothing for a title without letters or digits', () => {
    expect(slugFromTitle('  ?!  ')).toBe('');
    expect(slugFromTitle('')).toBe('');
  });

  it('transliterates letter by letter', () => {
    expect(transliterate('Хочу чай')).toBe('khochu chay');
  });
});
