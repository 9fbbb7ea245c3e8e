import { describe, expect, it } from 'vitest';
import { en, ru } from './i18n';

describe('answer template form texts', () => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
});
