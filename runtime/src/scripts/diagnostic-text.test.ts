import { describe, expect, it } from 'vitest';
import { typeDiagnosticText } from './diagnostic-text.js';

describe('TypeScript diagnostics for the author', () => {
  it('says the common ones in Russian, carrying the quoted types over', () => {
    expect(typeDiagnosticText(2322, "Type 'string' is not assignable to type 'number'.", 'ru')).toBe(
      'Ошибка TS2322: Тип «string» нельзя присвоить типу «number».',
    );
    expect(typeDiagnosticText('2339', "Property 'fetch' does not exist on type 'RecordsApi'.", 'ru')).toBe(
      'Ошибка TS2339: Свойства «fetch» нет в типе «RecordsApi».',
    );
    expect(typeDiagnosticText(2554, 'Expected 2 arguments, but got 1.', 'ru')).toBe(
      'Ошибка TS2554: Ожидается аргументов: 2, передано: 1.',
    );
  });

  it('keeps quoted types that contain quotes and braces', () => {
    expect(
      typeDiagnosticText(2322, "Type '{ a: 'x'; }' is not assignable to type '{ a: number; }'.", 'ru'),
    ).toBe("Ошибка TS2322: Тип «{ a: 'x'; }» нельзя присвоить типу «{ a: number; }».");
  });

  it('keeps the lines TypeScript adds below the first', () => {
    expect(
      typeDiagnosticText(
        2322,
        "Type 'A' is not assignable to type 'B'.\n  Types of property 'x' are incompatible.",
        'ru',
      ),
    ).toBe("Ошибка TS2322: Тип «A» нельзя присвоить типу «B».\n  Types of property 'x' are incompatible.");
  });

  it('puts a Russian lead-in and the code before any other diagnostic', () => {
    expect(typeDiagnosticText(2349, 'This expression is not callable.', 'ru')).toBe(
      'Ошибка TS2349: This expression is not callable.',
    );
    // A translated code whose text does not fit the template (another TypeScript version) keeps the original.
    expect(typeDiagnosticText(2322, 'Something else entirely.', 'ru')).toBe(
      'Ошибка TS2322: Something else entirely.',
    );
  });

  it('leaves English as TypeScript says it, with the code', () => {
    expect(typeDiagnosticText(2322, "Type 'string' is not assignable to type 'number'.", 'en')).toBe(
      "error TS2322: Type 'string' is not assignable to type 'number'.",
    );
  });
});
