/** A piece of a template's text: literal text, or a `{{name}}` with where it stands (UTF-16 offsets). */
export type TemplateSegment =
  | { type: 'text'; text: string }
  | { type: 'variable'; name: string; raw: string; start: number; end: number };

/** A brace that opens or closes nothing: `{{` with no `}}` after it, or `}}` with no `{{` before it. */
export interface BraceProblem {
  kind: 'unclosed' | 'unopened';
  at: number;
}

export interface ParsedTemplate {
  segments: TemplateSegment[];
  problems: BraceProblem[];
}

const open = '{{';
const close = '}}';

/**
 * Splits a template's text by scanning for `{{` and `}}` (never a regular expression: the text is an author's),
 * so rendering, the publish check and the designer's preview read variables the same way. `{{ name }}` may have
 * spaces inside. An unclosed `{{` and an unopened `}}` stay literal text and are reported.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const segments: TemplateSegment[] = [];
  const problems: BraceProblem[] = [];
  let literal = '';
  let i = 0;
  const flush = () => {
    if (literal) segments.push({ type: 'text', text: literal });
    literal = '';
  };
  while (i < text.length) {
    if (text.startsWith(open, i)) {
      const end = text.indexOf(close, i + open.length);
      const nextOpen = text.indexOf(open, i + open.length);
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        problems.push({ kind: 'unclosed', at: i });
        literal += open;
        i += open.length;
        continue;
      }
      flush();
      const raw = text.slice(i, end + close.length);
      segments.push({
        type: 'variable',
        name: raw.slice(open.length, -close.length).trim(),
        raw,
        start: i,
        end: end + close.length,
      });
      i = end + close.length;
      continue;
    }
    if (text.startsWith(close, i)) {
      problems.push({ kind: 'unopened', at: i });
      literal += close;
      i += close.length;
      continue;
    }
    literal += text[i];
    i += 1;
  }
  flush();
  return { segments, problems };
}
