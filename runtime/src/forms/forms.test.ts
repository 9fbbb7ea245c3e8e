import { describe, expect, it } from 'vitest';
import { requestForm, requestType } from '../../test-fixtures/request-form.js';
import type { FormBody } from '../definitions/form/schema.js';
import { compileForm, evaluateForm, type FormDesignError, prepareSubmission } from './index.js';

const clock = { now: new Date('2026-11-22T09:00:00Z'), timeZone: 'Europe/Moscow' };

describe('forms runtime', () => {
  const form = compileForm(requestType, requestForm);

  it('computes values in dependency order and shows elements by their conditions', () => {
    const state = evaluateForm(form, { category: 'billing', amount: 1000 }, clock);
    expect(state.values).toMatchObject({ vat: 200, total: 1200 });
    expect(state.visible.has('contract')).toBe(true);
    expect(state.visible.has('money')).toBe(true);
    expect(state.visible.has('amount')).toBe(true);

    const other = evaluateForm(form, { category: 'access', amount: 1000 }, clock);
    expect(other.visible.has('contract')).toBe(false);
    expect(other.visible.has('money')).toBe(false);
    // A field inherits the condition of the block it sits in.
    expect(other.visible.has('total')).toBe(false);
    expect(other.visible.has('subject')).toBe(true);
  });

  it('accepts a valid submission, recomputing what the browser computed', () => {
    const result = prepareSubmission(form, {
      submitted: {
        subject: 'Не прошла оплата',
        category: 'billing',
        contract: 'Д-2026',
        amount: 500,
        vat: 1,
        total: 9,
      },
      clock,
      locale: 'ru',
    });
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({
      subject: 'Не прошла оплата',
      category: 'billing',
      contract: 'Д-2026',
      amount: 500,
      vat: 100,
      total: 600,
      priority: 3,
    });
  });

  it('reports per-field problems in Russian and English, the form-level required only while visible', () => {
    const billing = prepareSubmission(form, {
      submitted: { category: 'billing', contract: '2026', amount: -5 },
      clock,
      locale: 'ru',
    });
    const byField = Object.fromEntries(billing.problems.map((p) => [p.pointer, p.message]));
    expect(byField['/subject']).toBe('Заполните поле «Тема»');
    expect(byField['/contract']).toContain('«Номер договора»');
    expect(byField['/amount']).toContain('«Сумма»');

    const access = prepareSubmission(form, {
      submitted: { subject: 'Нет доступа', category: 'access' },
      clock,
      locale: 'en',
    });
    expect(access.problems).toEqual([]);
    const english = prepareSubmission(form, { submitted: { category: 'billing' }, clock, locale: 'en' });
    expect(english.problems.map((p) => p.message)).toContain('"Номер договора" is required');
  });

  it('never takes read-only, hidden-by-condition or off-form values from the browser', () => {
    const created = prepareSubmission(form, {
      submitted: { subject: 'Вопрос', category: 'access', contract: 'Д-1111', amount: 10, internal: 'взлом' },
      clock,
      locale: 'ru',
    });
    expect(created.data).toEqual({ subject: 'Вопрос', category: 'access', priority: 3 });

    const edited = prepareSubmission(form, {
      submitted: { subject: 'Новая тема', category: 'access', contract: 'Д-9999', priority: 1 },
      existing: {
        subject: 'Старая',
        category: 'access',
        contract: 'Д-0001',
        priority: 5,
        internal: 'заметка',
      },
      clock,
      locale: 'ru',
    });
    expect(edited.data).toEqual({
      subject: 'Новая тема',
      category: 'access',
      contract: 'Д-0001',
      priority: 5,
      internal: 'заметка',
    });
  });

  it('refuses unknown fields by name', () => {
    const result = prepareSubmission(form, { submitted: { subject: 'x', hacker: 1 }, clock, locale: 'ru' });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: '/hacker', message: 'Неизвестное поле «hacker»' }),
    );
  });

  it('names the element of a broken expression and finds circular computations', () => {
    const broken = structuredClone(requestForm);
    (broken.layout[0] as { visibleIf?: string }).visibleIf = 'categry == 1';
    const circular = structuredClone(requestForm);
    const money = circular.layout[2] as { children: { computed?: string }[] };
    (money.children[0] as { computed?: string }).computed = 'total - vat';
    const problems = (body: FormBody) => {
      try {
        compileForm(requestType, body);
        return [];
      } catch (e) {
        return (e as FormDesignError).problems;
      }
    };
    expect(problems(broken)).toEqual([
      {
        pointer: '/layout/0/visibleIf',
        code: 'expression',
        message: '«Тема»: столбец 1: нет поля «categry»',
      },
    ]);
    expect(problems(circular).map((p) => p.message)).toEqual([
      'Вычисляемые поля зависят друг от друга по кругу: amount → total → amount',
    ]);
  });
});
