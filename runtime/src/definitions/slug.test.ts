import { describe, expect, it } from 'vitest';
import { contentKeyPattern, slugFromTitle } from './slug.js';

describe('slugFromTitle', () => {
  it('transliterates Russian titles into URL keys', () => {
    expect(slugFromTitle('Как сменить пароль')).toBe('kak-smenit-parol');
    expect(slugFromTitle('Счёт-фактура: где взять?')).toBe('schet-faktura-gde-vzyat');
    expect(slugFromTitle('Ошибка 500 при входе')).toBe('oshibka-500-pri-vhode');
  });

  it('always gives a valid key', () => {
    for (const title of ['123', '!!!', '', 'Ёжик в тумане'.repeat(10), 'Café déjà vu'])
      expect(slugFromTitle(title)).toMatch(new RegExp(contentKeyPattern));
  });
});
