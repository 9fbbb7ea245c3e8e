import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestForm, requestType } from '../../test-fixtures/request-form.js';
import {
  compileForm,
  ExpressionError,
  evaluate,
  evaluateForm,
  parseExpression,
  prepareSubmission,
} from './index.js';

const clock = { now: new Date('2026-11-22T09:00:00Z'), timeZone: 'Europe/Moscow' };
const form = compileForm(requestType, requestForm);

/** Values a browser might send: the right types, wrong types, junk, unknown-looking keys excluded. */
const fieldValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('access', 'billing', 'other', 'Д-2026', ''),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 10_000 }),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const submission = fc.record(
  Object.fromEntries(requestType.fields.map((f) => [f.key, fieldValue])) as Record<string, typeof fieldValue>,
  { requiredKeys: [] },
);
/** What crosses the network: JSON, where undefined vanishes and NaN/Infinity become null. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('forms runtime, property-based', () => {
  it('browser and server agree: what the browser shows and checks is what the server saves', () => {
    fc.assert(
      fc.property(submission, (typed) => {
        const values = overTheWire(typed);
        // The browser shows the live state (computed values filled in) and checks before sending…
        const shown = evaluateForm(form, values, clock);
        const browser = prepareSubmission(form, { submitted: values, clock, locale: 'ru' });
        // …and sends everything it shows; the server re-evaluates from that alone.
        const server = prepareSubmission(form, { submitted: overTheWire(shown.values), clock, locale: 'ru' });
        expect(server.data).toEqual(browser.data);
        expect(server.problems).toEqual(browser.problems);
        expect([...server.state.visible].sort()).toEqual([...browser.state.visible].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('re-evaluating accepted data changes nothing (the server can trust its own result)', () => {
    fc.assert(
      fc.property(submission, (values) => {
        const first = prepareSubmission(form, { submitted: overTheWire(values), clock, locale: 'ru' });
        if (first.problems.length) return;
        const again = prepareSubmission(form, { submitted: overTheWire(first.data), clock, locale: 'ru' });
        expect(again.data).toEqual(first.data);
        expect(again.problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation is total: any values, any form state, no exception', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...requestType.fields.map((f) => f.key)), fc.jsonValue()),
        (values) => {
          evaluateForm(form, values, clock);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any source text either parses or fails with an ExpressionError; what parses evaluates without throwing', () => {
    const alphabet = fc.constantFrom(
      ...'abc xyz 0 1 2.5 ( ) [ ] , . + - * / % == != < <= > >= ! && || and or not in true false null \' " if( len( round( sum('.split(
        ' ',
      ),
    );
    const source = fc.array(alphabet, { maxLength: 25 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(
        source,
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'x'), fc.jsonValue()),
        (text, scope) => {
          let expr: ReturnType<typeof parseExpression>;
          try {
            expr = parseExpression(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionError);
            return;
          }
          evaluate(expr, scope, clock);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
