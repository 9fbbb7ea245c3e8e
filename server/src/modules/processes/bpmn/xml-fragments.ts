/** Small, exact operations on XML fragments moddle wrote (kept elements and shells). */

export interface SplitElement {
  /** The start tag, `<bpmn:process id="p" …>`. */
  open: string;
  inner: string;
  /** The end tag, `</bpmn:process>`. */
  close: string;
  /** The qualified name, `bpmn:process`. */
  name: string;
}

/** A fragment's root split into start tag, content and end tag (a self-closed root gets an end tag). */
export function splitElement(xml: string): SplitElement {
  const end = startTagEnd(xml);
  const name = /^<([^\s/>]+)/.exec(xml)?.[1] ?? '';
  if (xml[end - 1] === '/')
    return { open: `${xml.slice(0, end - 1).trimEnd()}>`, inner: '', close: `</${name}>`, name };
  const close = xml.lastIndexOf('</');
  return { open: xml.slice(0, end + 1), inner: xml.slice(end + 1, close), close: xml.slice(close), name };
}

/** The index of the `>` ending the first start tag, skipping quoted values. */
function startTagEnd(xml: string): number {
  let quote = '';
  for (let i = 0; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return xml.length - 1;
}

/** The attributes of a start tag as written (`key="value"` pairs, values still escaped). */
export function attributesOf(startTag: string): [string, string][] {
  return [...startTag.matchAll(/\s([^\s=/>]+)="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']);
}

/** One attribute's raw value from a fragment's root tag. */
export function rootAttribute(xml: string, name: string): string | undefined {
  const { open } = splitElement(xml);
  return attributesOf(open).find(([key]) => key === name)?.[1];
}

/**
 * Takes the first `extensionElements` child out of a fragment's content: its own content, and the rest. moddle
 * names the BPMN namespace by the file's prefix (`bpmn:`, `semantic:`…), so any prefix is accepted.
 */
export function takeExtensionElements(inner: string): { extensions: string; rest: string } {
  const match = /<((?:[A-Za-z_][\w.-]*:)?extensionElements)\s*(\/?)>/.exec(inner);
  if (!match) return { extensions: '', rest: inner };
  const start = match.index;
  const openEnd = start + match[0].length;
  if (match[2]) return { extensions: '', rest: inner.slice(0, start) + inner.slice(openEnd) };
  const closeTag = `</${match[1]}>`;
  const end = inner.indexOf(closeTag, openEnd);
  if (end < 0) return { extensions: '', rest: inner };
  return {
    extensions: inner.slice(openEnd, end),
    rest: inner.slice(0, start) + inner.slice(end + closeTag.length),
  };
}

/** Whether a fragment's root is the BPMN element `localName` (whatever prefix names the namespace). */
export const isRoot = (xml: string, localName: string) =>
  new RegExp(`^<(?:[A-Za-z_][\\w.-]*:)?${localName}[\\s/>]`).test(xml);
