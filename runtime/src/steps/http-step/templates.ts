/** A secret's place in a request: the gateway substitutes the value as the request leaves. */
export interface SecretRef {
  $secret: string;
}
export type TextPart = string | SecretRef;

const placeholder = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Reads `a.b.0.c` from the variables; missing paths read as undefined. */
export function lookup(variables: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = variables;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const asText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** Fills `{{variable}}` placeholders; `encode` escapes values (not the template around them). Secrets are refused. */
export function fillText(
  template: string,
  variables: Record<string, unknown>,
  encode = (s: string) => s,
): string {
  return template.replace(placeholder, (_, name: string) => {
    if (name.startsWith('secret:'))
      throw new Error(`a secret can be used only in a header or the body: ${name}`);
    return encode(asText(lookup(variables, name)));
  });
}

/** Like fillText, but `{{secret:name}}` becomes a secret reference among the text parts. */
export function fillParts(template: string, variables: Record<string, unknown>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    parts.push(template.slice(last, match.index));
    const name = match[1] as string;
    parts.push(name.startsWith('secret:') ? { $secret: name.slice(7) } : asText(lookup(variables, name)));
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(template.slice(last));
  return joinText(parts.filter((p) => p !== ''));
}

function joinText(parts: TextPart[]): TextPart[] {
  const joined: TextPart[] = [];
  for (const part of parts) {
    const previous = joined[joined.length - 1];
    if (typeof part === 'string' && typeof previous === 'string') joined[joined.length - 1] = previous + part;
    else joined.push(part);
  }
  return joined;
}

/**
 * Fills a JSON body template. A string that is exactly one `{{variable}}` takes the variable's value with its
 * type (number, object…); `{{secret:name}}` alone becomes a secret reference.
 */
export function fillJson(template: unknown, variables: Record<string, unknown>): unknown {
  if (typeof template === 'string') {
    const whole = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(template);
    if (whole) {
      const name = whole[1] as string;
      return name.startsWith('secret:') ? { $secret: name.slice(7) } : (lookup(variables, name) ?? null);
    }
    const parts = fillParts(template, variables);
    if (parts.some((p) => typeof p !== 'string'))
      throw new Error('in the body, a secret must be a whole value: "{{secret:name}}"');
    return parts.join('');
  }
  if (Array.isArray(template)) return template.map((item) => fillJson(item, variables));
  if (template && typeof template === 'object')
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillJson(v, variables)]));
  return template;
}
