import { describe, expect, it } from 'vitest';
import { messageShape } from './embedded-status.js';

const encoder = new TextEncoder();
/** A protocol message: its type, a length the shape never reads, and its body. */
const message = (type: string, body: string) =>
  new Uint8Array([type.charCodeAt(0), 0, 0, 0, 0, ...encoder.encode(body)]);

describe('a protocol message in words for the log', () => {
  it('shows a query up to its first literal, never the values', () => {
    expect(messageShape(message('Q', "select * from conversation where title = 'Анна Орлова'\0"))).toBe(
      'query: select * from conversation where title = …',
    );
    expect(messageShape(message('Q', 'select  1\n from job\0'))).toBe('query: select 1 from job');
  });

  it('shows a parse’s statement up to its first parameter, and names the other messages', () => {
    expect(messageShape(message('P', 'opora_1\0update job set status = $1 where id = $2\0'))).toBe(
      'parse: update job set status = …',
    );
    expect(messageShape(message('S', ''))).toBe('sync');
    expect(messageShape(message('E', '\0'))).toBe('execute');
  });

  it('cuts a long statement and one whose copy ended early', () => {
    const long = `select ${'a, '.repeat(100)}b from t`;
    expect(messageShape(message('Q', `${long}\0`))).toBe(`query: ${long.slice(0, 120)} …`);
    expect(messageShape(message('Q', 'select a from t where'))).toBe('query: select a from t where …');
  });
});
