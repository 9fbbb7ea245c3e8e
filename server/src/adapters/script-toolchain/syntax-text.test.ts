import { describe, expect, it } from 'vitest';
import { compileScript } from './compile.js';
import { syntaxErrorText } from './syntax-text.js';

describe('syntax errors for the author', () => {
  it("says esbuild's common errors in Russian after a lead-in", async () => {
    const compiled = await compileScript('const a = 1;\nconst b = ;');
    if (compiled.ok) throw new Error('expected a syntax error');
    expect(syntaxErrorText(compiled.problems[0]!.message, 'ru')).toBe(
      'Синтаксическая ошибка: Неожиданное «;»',
    );
    expect(syntaxErrorText('Expected ";" but found "b"', 'ru')).toBe(
      'Синтаксическая ошибка: Ожидается «;», а найдено «b»',
    );
  });

  it("keeps esbuild's words after the lead-in when there is no translation, and in English", () => {
    expect(syntaxErrorText('Legacy octal literals are not allowed', 'ru')).toBe(
      'Синтаксическая ошибка: Legacy octal literals are not allowed',
    );
    expect(syntaxErrorText('Unexpected ";"', 'en')).toBe('Syntax error: Unexpected ";"');
  });
});
