import { parseTemplate } from './parse-template.js';

/** Version 1 templates wrote `{{operator}}` and `{{client}}`; version 2 names the field. */
const renamed: Record<string, string> = { operator: 'operator.name', client: 'client.name' };

/** Rewrites version 1 variable names by walking the parsed text (everything else is kept byte for byte). */
export function upgradeLegacyVariables(text: string): string {
  let out = '';
  for (const segment of parseTemplate(text).segments) {
    if (segment.type === 'text') out += segment.text;
    else out += renamed[segment.name] ? `{{${renamed[segment.name]}}}` : segment.raw;
  }
  return out;
}
