import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportReport } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { DefinitionEntity } from '../../db/entities/definition.js';
import type { BundleService } from './bundle-service.js';

const templatesDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../templates');

export const templateBundlePath = (name: string): string => join(templatesDir, name, 'bundle.json');

/** First start: an empty installation gets the named template (definitions + demo records) so there is something to see. */
export async function importDemoTemplate(
  db: Database,
  bundles: BundleService,
  name: string,
): Promise<ImportReport | null> {
  if (!name || (await db.em().count(DefinitionEntity, {}))) return null;
  const bundle = JSON.parse(await readFile(templateBundlePath(name), 'utf8')) as unknown;
  return bundles.import(bundle, null, 'ru');
}
