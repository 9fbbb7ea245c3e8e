import { oporaUri } from './opora-namespace.js';

/**
 * Where a kept element goes back on export. The process schema's `kept` entries hold only the element's XML,
 * so its container (`#definitions`, the collaboration, the process or a sub-process by id) and whether it is
 * a shell (a process or collaboration whose executable children live in the body instead) ride as two
 * attributes on the XML's root, added on import and removed again on export.
 */
export interface KeptMarks {
  container: string;
  shell?: boolean;
}

export const definitionsContainer = '#definitions';
/** Diagram-level DI (label styles), written beside the plane. */
export const diagramContainer = '#diagram';

const markPattern = / xmlns:opora-kept="[^"]*" opora-kept:in="([^"]*)"( opora-kept:shell="true")?/;

export function markKept(xml: string, marks: KeptMarks): string {
  const rootEnd = /^<[^\s/>]+/.exec(xml)?.[0].length ?? 0;
  const attributes = ` xmlns:opora-kept="${oporaUri}/kept" opora-kept:in="${escapeAttribute(marks.container)}"${marks.shell ? ' opora-kept:shell="true"' : ''}`;
  return xml.slice(0, rootEnd) + attributes + xml.slice(rootEnd);
}

export function readKept(xml: string): { xml: string; marks: KeptMarks | undefined } {
  const match = markPattern.exec(xml);
  if (!match) return { xml, marks: undefined };
  return {
    xml: xml.replace(match[0], ''),
    marks: { container: unescapeXml(match[1] ?? ''), shell: Boolean(match[2]) },
  };
}

/** Escaped for a double-quoted attribute; line breaks and tabs as references, since parsers fold them to spaces. */
export const escapeAttribute = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');

export const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const unescapeXml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&#10;/g, '\n')
    .replace(/&#13;/g, '\r')
    .replace(/&#9;/g, '\t')
    .replace(/&amp;/g, '&');
