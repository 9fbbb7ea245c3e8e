import { describe, expect, it } from 'vitest';
import { definitionKeyPattern, keyExamples, keyFromName } from './definition-key';

describe('keyFromName', () => {
  it('spells a Russian name in latin, words joined by dashes', () => {
    expect(keyFromName('Обращение клиента', 'entity')).toBe('obrashchenie-klienta');
    expect(keyFromName('  Заявка с портала!  ', 'form')).toBe('zayavka-s-portala');
  });

  it('keeps English names and digits', () => {
    expect(keyFromName('Delivery FAQ 2', 'page')).toBe('delivery-faq-2');
  });

  it('leads a name starting with a digit by the kind, since a key starts with a letter', () => {
    expect(keyFromName('1С выгрузка', 'integration')).toBe('integration-1s-vygruzka');
    expect(definitionKeyPattern.test(keyFromName('2024', 'form'))).toBe(true);
  });

  it('gives nothing for a name without letters or digits', () => {
    expect(keyFromName('— ?', 'entity')).toBe('');
  });

  it('fits the longest key the server takes, cut at a word', () => {
    const key = keyFromName('очень длинное название '.repeat(10), 'tree');
    expect(key.length).toBeLessThanOrEqual(63);
    expect(definitionKeyPattern.test(key)).toBe(true);
    expect(key.endsWith('-')).toBe(false);
  });

  it('offers an example key every kind accepts', () => {
    for (const example of Object.values(keyExamples)) expect(definitionKeyPattern.test(example)).toBe(true);
  });
});
