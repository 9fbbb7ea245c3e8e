export const secretMask = '********';

/** Forms shorter than this would mask ordinary text (hex of a 1-character secret is 2 characters). */
const shortestForm = 4;

const reversed = (text: string) => [...text].reverse().join('');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toBase64Url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_');
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const jsonAsciiEscaped = (text: string) =>
  jsonEscaped(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The part of base64 text that encodes `bytes` whatever surrounds them, for each of the three alignments the
 * bytes can have inside a longer encoded text (so a secret is found inside base64 of "token=<secret>&…" too).
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const from = Math.ceil((8 * offset) / 6);
    const to = Math.floor((8 * (offset + bytes.length)) / 6);
    cores.push(encoded.slice(from, to));
  }
  return cores;
}

/**
 * The forms in which an external system might echo a secret back: as is, reversed, upper- or lower-cased, and
 * each of those JSON-escaped, URL-encoded, hex- or base64-encoded (standard and URL alphabets, any alignment).
 * Matching is case-insensitive, which also covers upper-cased hex and URL escapes.
 */
export function secretForms(value: string): string[] {
  const variants = new Set([value, reversed(value)]);
  for (const variant of [...variants]) {
    variants.add(variant.toUpperCase());
    variants.add(variant.toLowerCase());
  }
  const forms = new Set<string>();
  for (const variant of variants) {
    const bytes = Buffer.from(variant, 'utf8');
    forms.add(variant);
    forms.add(jsonEscaped(variant));
    forms.add(jsonAsciiEscaped(variant));
    forms.add(encodeURIComponent(variant));
    forms.add(encodeURIComponent(variant).replace(/%20/g, '+'));
    forms.add(bytes.toString('hex'));
    for (const core of base64Cores(bytes)) {
      forms.add(core);
      forms.add(toBase64Url(core));
    }
  }
  return [...forms].filter((form) => form.length >= shortestForm || form === value);
}

/** Replaces every known form of the given secret values with the mask; values under 3 characters are left alone. */
export class SecretMask {
  private readonly pattern: RegExp | undefined;

  constructor(values: Iterable<string>) {
    const forms = new Set<string>();
    for (const value of values) if (value.length >= 3) for (const form of secretForms(value)) forms.add(form);
    // Longest first, so a longer form wins over a shorter one it contains.
    const sorted = [...forms].sort((a, b) => b.length - a.length);
    this.pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'gi') : undefined;
  }

  apply(text: string): string {
    return this.pattern ? text.replace(this.pattern, secretMask) : text;
  }
}

/**
 * The secret values a run's HTTP calls could carry, learned as the run goes; masks them in everything the run
 * leaves behind (its result, logs and error), so a script that decodes an echo it received in some other form
 * still cannot hand the value out.
 */
export class SecretScrubber {
  private readonly values = new Set<string>();
  private mask: SecretMask | undefined;

  learn(values: Iterable<string>): void {
    for (const value of values)
      if (!this.values.has(value)) {
        this.values.add(value);
        this.mask = undefined;
      }
  }

  get empty(): boolean {
    return this.values.size === 0;
  }

  text(text: string): string {
    if (!this.values.size) return text;
    this.mask ??= new SecretMask(this.values);
    return this.mask.apply(text);
  }

  /** A copy of a JSON value with every string and key masked (no recursion: values may be deep). */
  value(value: unknown): unknown {
    if (!this.values.size) return value;
    const root = { value };
    const stack: Record<string, unknown>[] = [root];
    for (let holder = stack.pop(); holder; holder = stack.pop())
      for (const key of Object.keys(holder)) {
        const item = holder[key];
        if (typeof item === 'string') holder[key] = this.text(item);
        else if (Array.isArray(item)) {
          const copy = [...item];
          holder[key] = copy;
          stack.push(copy as unknown as Record<string, unknown>);
        } else if (item && typeof item === 'object') {
          const copy = Object.fromEntries(Object.entries(item).map(([k, v]) => [this.text(k), v]));
          holder[key] = copy;
          stack.push(copy);
        }
      }
    return root.value;
  }
}
