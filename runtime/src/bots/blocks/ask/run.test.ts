import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { askBlock } from './run.js';
import type { AskBlock } from './schema.js';
import { validAnswer } from './validate-answer.js';

const ask = (config: Record<string, unknown>) =>
  block(
    'q',
    'ask',
    { text: { ru: 'Вопрос?' }, variable: 'answer', retries: 1, ...config },
    { next: 'n', fallback: 'f' },
  ) as AskBlock;
const answer = (config: Record<string, unknown>, text: string, extra: object = {}) =>
  validAnswer(ask(config), { text, ...extra });

describe('ask block', () => {
  it('asks and keeps a valid answer', () => {
    const b = ask({ input: 'number' });
    const ctx = blockContext(b);
    expect(askBlock.run(ctx)).toEqual({ wait: { kind: 'client', attempt: 0 } });
    const resumed = blockContext(b, { waiting: { kind: 'client', attempt: 0 } });
    expect(askBlock.resume?.(resumed, { type: 'message', text: '1 500,5' })).toEqual({ go: 'next' });
    expect(resumed.variables.answer).toBe(1500.5);
  });

  it('retries then falls back', () => {
    const b = ask({ input: 'email' });
    const first = blockContext(b, { waiting: { kind: 'client', attempt: 0 } });
    expect(askBlock.resume?.(first, { type: 'message', text: 'нет' })).toEqual({
      wait: { kind: 'client', attempt: 1 },
    });
    expect(first.effects).toHaveLength(1);
    const second = blockContext(b, { waiting: { kind: 'client', attempt: 1 } });
    expect(askBlock.resume?.(second, { type: 'message', text: 'нет' })).toEqual({ go: 'fallback' });
  });

  it('validates numbers with bounds', () => {
    expect(answer({ input: 'number', min: 1, max: 10 }, '5')).toBe(5);
    expect(answer({ input: 'number', min: 1, max: 10 }, '11')).toBeNull();
    expect(answer({ input: 'number' }, '12abc')).toBeNull();
  });

  it('validates e-mail and phones', () => {
    expect(answer({ input: 'email' }, ' Anna@Example.RU ')).toBe('anna@example.ru');
    expect(answer({ input: 'email' }, 'anna@')).toBeNull();
    expect(answer({ input: 'phone' }, '+7 (912) 345-67-89')).toBe('+79123456789');
    expect(answer({ input: 'phone' }, '89123456789')).toBe('+79123456789');
    expect(answer({ input: 'phone' }, '12-34')).toBeNull();
  });

  it('reads dates as dd.mm.yyyy or ISO and refuses impossible days', () => {
    expect(answer({ input: 'date' }, '5.03.2026')).toBe('2026-03-05');
    expect(answer({ input: 'date' }, '2026-02-28')).toBe('2026-02-28');
    expect(answer({ input: 'date' }, '31.02.2026')).toBeNull();
    expect(answer({ input: 'date' }, 'завтра')).toBeNull();
  });

  it('takes a choice by button, by text or by number (e-mail clients answer «2»)', () => {
    const options = [
      { id: 'yes', label: { ru: 'Да' } },
      { id: 'no', label: { ru: 'Нет', en: 'No' } },
    ];
    expect(answer({ input: 'choice', options }, '2')).toBe('no');
    expect(answer({ input: 'choice', options }, 'no')).toBe('no');
    expect(answer({ input: 'choice', options }, 'x', { buttonId: 'yes' })).toBe('yes');
    expect(answer({ input: 'choice', options }, 'может быть')).toBeNull();
  });

  it('checks text against an RE2 pattern', () => {
    expect(answer({ input: 'text', pattern: '^Д-\\d{4}$' }, 'Д-2026')).toBe('Д-2026');
    expect(answer({ input: 'text', pattern: '^Д-\\d{4}$' }, 'договор')).toBeNull();
    expect(answer({ input: 'text' }, '   ')).toBeNull();
  });

  it('takes files and photos within the configured types and size', () => {
    const photo = { fileId: 'f', name: 'a.jpg', contentType: 'image/jpeg', size: 1000 };
    const pdf = { fileId: 'g', name: 'a.pdf', contentType: 'application/pdf', size: 1000 };
    expect(answer({ input: 'photo' }, '', { attachments: [photo] })).toEqual([photo]);
    expect(answer({ input: 'photo' }, '', { attachments: [pdf] })).toBeNull();
    expect(answer({ input: 'file', accept: ['.pdf'], maxSizeMb: 1 }, '', { attachments: [pdf] })).toEqual([
      pdf,
    ]);
    expect(answer({ input: 'file', maxSizeMb: 0.0001 }, '', { attachments: [pdf] })).toBeNull();
    expect(answer({ input: 'file' }, 'вот файл')).toBeNull();
  });
});
