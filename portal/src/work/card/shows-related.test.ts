import type { FormBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { showsRelated } from './shows-related';

const form = (layout: unknown[]): FormBody =>
  ({ schemaVersion: 1, entity: 'client', purpose: 'card', title: { ru: 'Карточка' }, layout }) as FormBody;

describe('showsRelated', () => {
  it('finds a list of linked records anywhere in the layout, nested in blocks and tabs too', () => {
    const related = { id: 'requests', type: 'related', entity: 'request', field: 'client' };
    expect(showsRelated(form([related]))).toBe(true);
    expect(showsRelated(form([{ id: 'b', type: 'block', children: [related] }]))).toBe(true);
    expect(
      showsRelated(
        form([{ id: 't', type: 'tabs', tabs: [{ id: 'x', title: { ru: 'X' }, children: [related] }] }]),
      ),
    ).toBe(true);
  });

  it('is false for a form of fields only', () => {
    expect(showsRelated(form([{ id: 'fullName', type: 'field', field: 'fullName' }]))).toBe(false);
  });
});
