import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { messageLimits } from '@opora/runtime/conversations';
import { describe, expect, it } from 'vitest';
import { widgetLimits } from '../../widget/src/limits.js';
import { violationsIn } from './import-boundaries.js';

const bundle = fileURLToPath(new URL('../../widget/dist/widget.js', import.meta.url));
/** The goal for the script every visitor of a client's site downloads. */
const maxGzipBytes = 40 * 1024;

describe('the chat widget bundle', () => {
  it('stays under 40 KB gzip and carries no React, designer or portal code', () => {
    expect(existsSync(bundle), 'build it first: node server/bin/build-uis.mjs').toBe(true);
    const source = readFileSync(bundle);
    const gzipped = gzipSync(source, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(maxGzipBytes);
    const text = source.toString('utf8');
    for (const marker of ['react.production', '__SECRET_INTERNALS', 'monaco', 'i18next', '@xyflow'])
      expect(text).not.toContain(marker);
  });

  it('imports nothing of the designer, portal, runtime or server (checked by the dependency rule)', () => {
    expect(violationsIn('widget/src/x.ts', "import { App } from '../../portal/src/App';")).toHaveLength(1);
    expect(
      violationsIn('widget/src/x.ts', "import { messageLimits } from '@opora/runtime/conversations';"),
    ).toHaveLength(1);
    expect(violationsIn('widget/src/x.ts', "import type { MessageView } from '@opora/sdk';")).toEqual([]);
    expect(violationsIn('widget/src/x.ts', "import { chime } from './sound.js';")).toEqual([]);
  });

  it('knows the server’s message limits', () => {
    expect(widgetLimits.text).toBe(messageLimits.text);
    expect(widgetLimits.attachmentBytes).toBe(messageLimits.attachmentBytes);
  });
});
