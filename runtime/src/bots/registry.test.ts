import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BotBlockSchema } from '../definitions/bot/schema.js';
import { blockShapes, blockTypes } from './blocks/shapes.js';
import { blockRegistry } from './registry.js';

const blocksFolder = join(fileURLToPath(new URL('.', import.meta.url)), 'blocks');

describe('block registry', () => {
  it.each(blockTypes)('%s has its folder with a schema, a run and a test', (type) => {
    for (const file of ['schema.ts', 'run.ts', 'run.test.ts'])
      expect(existsSync(join(blocksFolder, type, file))).toBe(true);
    expect(blockRegistry[type].schema).toBe(blockShapes[type].schema);
    expect(blockShapes[type].schema.properties.type?.const).toBe(type);
  });

  it('builds the definition schema from every block type', () => {
    expect(
      BotBlockSchema.anyOf.map((s) => (s.properties as unknown as { type: { const: string } }).type.const),
    ).toEqual(blockTypes);
  });

  it('gives a resume to every block type that waits', () => {
    for (const type of blockTypes)
      expect([type, blockShapes[type].waits]).toEqual([type, blockRegistry[type].resume !== undefined]);
  });
});
