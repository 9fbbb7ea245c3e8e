import { describe, expect, it } from 'vitest';
import { previewBody } from './preview-protocol';

const origin = 'https://support.example';

describe('preview messages', () => {
  it('takes page bodies from the same origin', () => {
    expect(previewBody({ origin, data: { type: 'opora:preview-page', body: { rows: [] } } }, origin)).toEqual(
      {
        body: { rows: [] },
      },
    );
  });
  it('ignores other origins and other messages', () => {
    const data = { type: 'opora:preview-page', body: {} };
    expect(previewBody({ origin: 'https://evil.example', data }, origin)).toBeUndefined();
    expect(previewBody({ origin, data: { type: 'something-else' } }, origin)).toBeUndefined();
    expect(previewBody({ origin, data: 'opora:preview-page' }, origin)).toBeUndefined();
    expect(previewBody({ origin, data: null }, origin)).toBeUndefined();
  });
});
