import { ApiError } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { serverProblems, sortProblems, withoutField } from './error-mapping';

const shown = new Set(['subject', 'items', 'client']);

describe('error mapping', () => {
  it('puts server details on /data/<field> next to the field, a table row’s next to its table', () => {
    const error = new ApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'Данные не прошли проверку',
        details: [
          { pointer: '/data/subject', message: 'Заполните поле «Тема»' },
          { pointer: '/data/items/2/qty', message: '«Кол-во»: должно быть >= 1' },
          { pointer: '/data/hiddenField', message: 'Скрытое поле' },
          { pointer: '/version', message: 'version is required' },
        ],
      },
    });
    expect(serverProblems(error, shown, 'fallback')).toEqual({
      byField: { subject: ['Заполните поле «Тема»'], items: ['«Кол-во»: должно быть >= 1'] },
      general: ['Скрытое поле', 'version is required'],
    });
  });

  it('summarises an error without details, or one that is not from the API at all', () => {
    const forbidden = new ApiError(403, {
      error: { code: 'forbidden', message: 'Недостаточно прав', details: [] },
    });
    expect(serverProblems(forbidden, shown, 'fallback')).toEqual({
      byField: {},
      general: ['Недостаточно прав'],
    });
    expect(serverProblems(new TypeError('fetch failed'), shown, 'Сервер недоступен')).toEqual({
      byField: {},
      general: ['Сервер недоступен'],
    });
  });

  it('sorts the browser’s own problems the same way and forgets a field once it is edited', () => {
    const problems = sortProblems(
      [
        { pointer: '/subject', message: 'A' },
        { pointer: '/subject', message: 'A' },
        { pointer: '/client', message: 'B' },
      ],
      shown,
    );
    expect(problems).toEqual({ byField: { subject: ['A'], client: ['B'] }, general: [] });
    expect(withoutField(problems, 'subject')).toEqual({ byField: { client: ['B'] }, general: [] });
  });
});
