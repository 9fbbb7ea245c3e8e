import { describe, expect, it } from 'vitest';
import { keywordOccurs, messageStems } from './message-words.js';
import { russianStem } from './russian-stem.js';

describe('russianStem', () => {
  it('stems as Snowball Russian does', () => {
    const cases: Record<string, string> = {
      счет: 'счет',
      счета: 'счет',
      счетом: 'счет',
      бухгалтерия: 'бухгалтер',
      бухгалтеру: 'бухгалтер',
      доставкой: 'доставк',
      доставка: 'доставк',
      важнейшими: 'важн',
      вдохновенно: 'вдохновен',
      великолепную: 'великолепн',
      оплатить: 'оплат',
      оплату: 'оплат',
      возвращение: 'возвращен',
      кошки: 'кошк',
      вернулся: 'вернул',
      активность: 'активн',
      курьера: 'курьер',
      заказом: 'заказ',
      жизнь: 'жизн',
    };
    expect(Object.fromEntries(Object.keys(cases).map((w) => [w, russianStem(w)]))).toEqual(cases);
  });

  it('leaves words without Cyrillic as they are', () => {
    expect(russianStem('invoice')).toBe('invoice');
    expect(russianStem('2024')).toBe('2024');
  });
});

describe('messageStems and keywordOccurs', () => {
  it('reads words in lower case with ё as е', () => {
    expect(messageStems('Пришлите СЧЁТ, пожалуйста!')).toEqual(['пришл', 'счет', 'пожалуйст']);
  });

  it('finds «счёт» in «счета» and «счетом», not in «счётчик»', () => {
    expect(keywordOccurs('счёт', messageStems('Где мои счета?'))).toBe(true);
    expect(keywordOccurs('счёт', messageStems('Что не так со счетом'))).toBe(true);
    expect(keywordOccurs('счёт', messageStems('Сломался счётчик'))).toBe(false);
  });

  it('finds a phrase only as its words in a row', () => {
    expect(keywordOccurs('возврат денег', messageStems('Прошу возврата денег за заказ'))).toBe(true);
    expect(keywordOccurs('возврат денег', messageStems('Возврат товара, денег не надо'))).toBe(false);
  });

  it('never matches a keyword with no letters or digits', () => {
    expect(keywordOccurs('!!!', messageStems('!!! срочно'))).toBe(false);
  });
});
