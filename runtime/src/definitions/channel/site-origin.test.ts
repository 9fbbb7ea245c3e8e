import { describe, expect, it } from 'vitest';
import { validateDefinitionBody } from '../validate-body.js';
import { siteOriginProblem, siteOriginProblems } from './site-origin.js';

const schemaAccepts = (origin: string) =>
  validateDefinitionBody('channel', {
    schemaVersion: 1,
    title: { ru: 'Чат' },
    settings: { type: 'widget', allowedOrigins: [origin] },
  }).length === 0;

describe('site origins for the chat widget', () => {
  it('accepts what the schema accepts and explains each refusal with the address to type instead', () => {
    for (const good of [
      'https://shop.example.ru',
      'http://localhost:8080',
      'https://xn--80aairftm.xn--p1ai',
    ]) {
      expect(siteOriginProblem(good, 'ru')).toBeNull();
      expect(schemaAccepts(good)).toBe(true);
    }
    const cases: [string, string][] = [
      ['https://shop.example.ru/page', 'без пути, параметров и косой черты в конце: https://shop.example.ru'],
      ['https://shop.example.ru/', 'без пути'],
      ['https://shop.example.ru?x=1', 'без пути'],
      ['HTTPS://Shop.Example.RU', 'Запишите адрес так: https://shop.example.ru'],
      ['https://магазин.рф', 'https://xn--80aairftm.xn--p1ai'],
      ['https://user:pw@shop.example.ru', 'Без имени пользователя и пароля: https://shop.example.ru'],
      ['ftp://shop.example.ru', 'https:// или http://, а не ftp://'],
      ['shop.example.ru', 'нужны схема и хост'],
      ['', 'Введите адрес сайта'],
      [`https://${'a'.repeat(300)}.ru`, 'длиннее 300'],
    ];
    for (const [bad, message] of cases) {
      expect(schemaAccepts(bad)).toBe(false);
      expect(siteOriginProblem(bad, 'ru')).toContain(message);
    }
    expect(siteOriginProblem('https://shop.example.ru/page', 'en')).toContain('no path');
  });

  it('refuses at publishing what the pattern lets through but a browser never sends', () => {
    const problems = (origin: string) =>
      validateDefinitionBody('channel', {
        schemaVersion: 1,
        title: { ru: 'Чат' },
        settings: { type: 'widget', allowedOrigins: ['https://ok.example.ru', origin] },
      });
    expect(problems('https://shop.example.ru:443')).toEqual([
      expect.objectContaining({
        pointer: '/settings/allowedOrigins/1',
        message: 'Запишите адрес так: https://shop.example.ru',
      }),
    ]);
    expect(problems('https://shop.example.ru:99999')[0]?.message).toContain('порт от 1 до 65535');
    expect(problems('http://localhost:8080')).toEqual([]);
  });

  it('points each problem at its entry in the channel body', () => {
    expect(siteOriginProblems(['https://ok.example.ru', 'https://bad.example.ru/x'], 'ru')).toEqual([
      expect.objectContaining({ pointer: '/settings/allowedOrigins/1', code: 'site_origin' }),
    ]);
  });
});
