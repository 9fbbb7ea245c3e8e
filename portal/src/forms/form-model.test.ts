import { type FormBody, walkLayout } from '@opora/runtime/definitions';
import { compileForm } from '@opora/runtime/forms';
import { requestForm, requestType } from '@opora/runtime/test-fixtures/request-form';
import { describe, expect, it } from 'vitest';
import { createFormModel } from './form-model';
import { generatedForm } from './generated-layout';

const clock = () => ({ now: new Date('2026-11-22T10:00:00Z'), timeZone: 'Europe/Moscow' });
const compiled = compileForm(requestType, requestForm);

describe('form model', () => {
  it('recomputes values and visibility on every change', () => {
    const model = createFormModel(compiled, { subject: 'Возврат' }, clock);
    expect(model.store.get().state.visible.has('money')).toBe(false);
    model.setValue('category', 'billing');
    model.setValue('amount', 1000);
    const { state } = model.store.get();
    expect(state.visible.has('money')).toBe(true);
    expect(state.values).toMatchObject({ vat: 200, total: 1200 });
    expect(model.fieldsShown()).toEqual(
      new Set(['subject', 'category', 'contract', 'amount', 'vat', 'total', 'internal']),
    );
  });

  it('checks before sending with the shared runtime, showing problems by field, and clears one when it is edited', () => {
    const model = createFormModel(compiled, { category: 'billing' }, clock);
    expect(model.precheck('ru')).toBeNull();
    const { problems, attempted } = model.store.get();
    expect(attempted).toBe(true);
    expect(Object.keys(problems.byField).sort()).toEqual(['contract', 'subject']);
    model.setValue('subject', 'Возврат');
    expect(Object.keys(model.store.get().problems.byField)).toEqual(['contract']);
    model.setValue('contract', 'Д-2026');
    expect(model.precheck('ru')?.data).toMatchObject({ subject: 'Возврат', contract: 'Д-2026' });
  });

  it('sends every field the person may change, emptied ones as null, never computed or read-only ones', () => {
    const model = createFormModel(compiled, { subject: 'Тема', internal: 'x' }, clock, { subject: 'Тема' });
    model.setValue('subject', undefined);
    expect(model.submission()).toEqual({ subject: null, category: null, contract: null, amount: null });
  });

  it('starts over from a record’s data', () => {
    const model = createFormModel(compiled, { subject: 'Старое' }, clock);
    model.precheck('ru');
    model.reset({ subject: 'Новое' }, { subject: 'Новое' });
    expect(model.store.get()).toMatchObject({ values: { subject: 'Новое' }, attempted: false });
    expect(model.original).toEqual({ subject: 'Новое' });
  });
});

describe('generated layout', () => {
  it('lays out every field of a type nobody designed a form for, long ones across the width', () => {
    const form: FormBody = generatedForm('request', requestType, 'card');
    const fields = [...walkLayout(form.layout)].map(({ element }) =>
      element.type === 'field' ? `${element.field}:${element.width}` : element.type,
    );
    expect(fields).toEqual([
      'subject:half',
      'category:half',
      'contract:half',
      'amount:half',
      'vat:half',
      'total:half',
      'priority:half',
      'internal:full',
    ]);
    expect(() => compileForm(requestType, form)).not.toThrow();
  });
});
