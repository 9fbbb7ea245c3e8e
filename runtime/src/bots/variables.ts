import { type Value, text as valueText } from '../forms/expressions/index.js';
import { maxValueChars, maxVariables } from './session.js';

/**
 * Variables every bot has without a block setting them: `client` (what the channel knows: `client.name`,
 * `client.email`, `client.phone`, and `client.id`, the client's card when the dialog opened with one, else empty;
 * passed by the server at start) and `lastMessage` (the client's last text).
 */
export const builtInVariables: readonly string[] = ['client', 'lastMessage'];

/**
 * A value as a variable keeps it: texts cut to {@link maxValueChars}; other values whose JSON is longer are kept
 * as their cut text, so no variable holds more than about 10 KB.
 */
export function boundValue(value: Value): Value {
  if (typeof value === 'string') return value.length > maxValueChars ? value.slice(0, maxValueChars) : value;
  if (value === null || typeof value !== 'object') return value;
  const json = JSON.stringify(value);
  return json.length > maxValueChars ? json.slice(0, maxValueChars) : value;
}

/**
 * Sets a variable in place. A new name past {@link maxVariables} is not added (answers false): a bot's memory is
 * bounded whatever its scripts return.
 */
export function setVariable(variables: Record<string, Value>, name: string, value: Value): boolean {
  // Names come from other bots and processes too: `__proto__` would reach the object's prototype, not a variable.
  if (name === '__proto__') return false;
  if (!Object.hasOwn(variables, name) && Object.keys(variables).length >= maxVariables) return false;
  variables[name] = boundValue(value);
  return true;
}

/** Reads `name` or `name.sub.path` from the variables; null when any part is missing. */
export function readVariable(variables: Readonly<Record<string, Value>>, path: string): Value {
  let current: Value = null;
  let first = true;
  for (const key of path.split('.')) {
    const from: unknown = first ? variables : current;
    first = false;
    if (from === null || typeof from !== 'object' || Array.isArray(from) || !Object.hasOwn(from, key))
      return null;
    current = (from as Record<string, Value>)[key] as Value;
  }
  return current;
}

/** One piece of a template: literal text or a `{{path}}` placeholder. */
export type TemplatePart = { text: string } | { path: string };

const pathPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Splits a template into text and `{{path}}` placeholders, by hand (user text never goes to a regex engine or
 * String.replace). `{{` not closed, or holding something that is not a path, stays literal text.
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) break;
    const path = template.slice(open + 2, close).trim();
    if (!pathPattern.test(path) || path.length > 200) {
      literal += template.slice(at, open + 2);
      at = open + 2;
      continue;
    }
    literal += template.slice(at, open);
    if (literal) parts.push({ text: literal });
    literal = '';
    parts.push({ path });
    at = close + 2;
  }
  literal += template.slice(at);
  if (literal) parts.push({ text: literal });
  return parts;
}

/** The variables a template reads (the first segment of each placeholder's path). */
export const templateReads = (template: string): string[] =>
  parseTemplate(template).flatMap((part) => ('path' in part ? [part.path.split('.')[0] as string] : []));

/** The template with each placeholder replaced by the variable's text ('' when unset). */
export function renderTemplate(template: string, variables: Readonly<Record<string, Value>>): string {
  let out = '';
  for (const part of parseTemplate(template)) {
    out += 'text' in part ? part.text : valueText(readVariable(variables, part.path));
    if (out.length > maxValueChars * 2) return out.slice(0, maxValueChars * 2);
  }
  return out;
}
