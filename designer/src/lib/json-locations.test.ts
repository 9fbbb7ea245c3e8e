import { describe, expect, it } from 'vitest';
import { pointerToLine } from './json-locations';

const text = JSON.stringify(
  {
    schemaVersion: 1,
    fields: [
      { key: 'a', type: 'string' },
      { key: 'b', type: 'nope', 'a/b': 1 },
    ],
  },
  null,
  2,
);

describe('pointerToLine', () => {
  it('finds the line of nested values', () => {
    const lines = text.split('\n');
    expect(lines[pointerToLine(text, '/fields/1/type') - 1]).toContain('"nope"');
    expect(lines[pointerToLine(text, '/schemaVersion') - 1]).toContain('schemaVersion');
    expect(lines[pointerToLine(text, '/fields/1/a~1b') - 1]).toContain('"a/b"');
  });

  it('falls back to the nearest ancestor for a missing property', () => {
    const lines = text.split('\n');
    expect(lines[pointerToLine(text, '/fields/0/label') - 1]).toContain('{');
    expect(pointerToLine(text, '/fields/0/label')).toBe(pointerToLine(text, '/fields/0'));
  });

  it('survives malformed text', () => {
    expect(pointerToLine('{"a": [1, 2', '/a/1')).toBe(1);
  });
});
