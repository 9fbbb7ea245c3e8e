import type { EntityBody, FormBody } from '@opora/runtime/definitions';
import { compileForm } from '@opora/runtime/forms';
import { describe, expect, it } from 'vitest';
import { portalPrefill } from './portal-prefill';
import { topicOf, withTopic } from './topic-address';

const entity: EntityBody = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, maxLength: 40 },
    { key: 'description', type: 'text', label: { ru: 'Описание' } },
    { key: 'contactName', type: 'string', label: { ru: 'Имя' } },
    { key: 'contactEmail', type: 'email', label: { ru: 'Почта' } },
    { key: 'channel', type: 'string', label: { ru: 'Канал' } },
  ],
} as EntityBody;

const form = (layout: FormBody['layout']): FormBody => ({
  schemaVersion: 1,
  entity: 'request',
  purpose: 'portal',
  layout,
});
const field = (key: string, extra: object = {}) => ({
  id: key,
  type: 'field' as const,
  field: key,
  ...extra,
});
const anna = { name: 'Анна Орлова', email: 'anna@example.org' };

describe('portalPrefill', () => {
  it("fills the signed-in person's name and e-mail and the topic into the title field", () => {
    const compiled = compileForm(
      entity,
      form(['subject', 'description', 'contactName', 'contactEmail'].map((k) => field(k))),
    );
    expect(portalPrefill(compiled, anna, 'Личный кабинет → Проблемы с авторизацией')).toEqual({
      subject: 'Личный кабинет → Проблемы с авторизацией',
      contactName: 'Анна Орлова',
      contactEmail: 'anna@example.org',
    });
  });

  it('fills only the topic for a visitor, and nothing without one', () => {
    const compiled = compileForm(
      entity,
      form([field('subject'), field('contactName'), field('contactEmail')]),
    );
    expect(portalPrefill(compiled, null, 'Оплата')).toEqual({ subject: 'Оплата' });
    expect(portalPrefill(compiled, null, '')).toEqual({});
  });

  it('leaves fields the form does not let the person change, and cuts a topic to the field', () => {
    const compiled = compileForm(
      entity,
      form([
        field('subject'),
        field('contactName', { readOnly: true }),
        field('contactEmail', { hidden: true }),
      ]),
    );
    const values = portalPrefill(
      compiled,
      anna,
      'Личный кабинет → Сменить телефон или почту → Сменить адрес',
    );
    expect(Object.keys(values)).toEqual(['subject']);
    expect(Array.from(values.subject!)).toHaveLength(40);
    expect(values.subject!.endsWith('…')).toBe(true);
  });
});

describe('the topic in the form address', () => {
  it('travels in the query, beside the form key, and reads back', () => {
    const address = withTopic('/contact?form=feedback', 'Оплата → Деньги списались дважды & ещё');
    expect(address.startsWith('/contact?form=feedback&topic=')).toBe(true);
    expect(topicOf(address)).toBe('Оплата → Деньги списались дважды & ещё');
    expect(withTopic('/contact', '  ')).toBe('/contact');
    expect(topicOf('/contact')).toBe('');
  });
});
