import type { Locale } from '@opora/runtime/definitions';
import { refuse } from './bpmn-error.js';
import { bpmnLimits, forbiddenNames } from './limits.js';

/**
 * Refuses hostile XML before any parser sees it, in one linear pass: files over the size limit, any DOCTYPE or
 * ENTITY declaration (external entities and entity expansion need one), nesting deeper or elements more than
 * the limits, and `__proto__`/`constructor`/`prototype` as an element or attribute name, an attribute value or
 * a text (ids and references), since the parser keys plain objects by them.
 */
export function refuseHostileXml(xml: string, locale: Locale): void {
  if (Buffer.byteLength(xml, 'utf8') > bpmnLimits.maxBytes)
    throw refuse(
      locale,
      'too_large',
      `Файл больше ${bpmnLimits.maxBytes / 1024 / 1024} МБ`,
      `The file is over ${bpmnLimits.maxBytes / 1024 / 1024} MB`,
    );
  if (/<!(DOCTYPE|ENTITY)/i.test(xml))
    throw refuse(
      locale,
      'doctype',
      'Объявления DOCTYPE и ENTITY в BPMN-файле не принимаются',
      'DOCTYPE and ENTITY declarations are not accepted in a BPMN file',
    );
  scanElements(xml, locale);
}

function scanElements(xml: string, locale: Locale): void {
  let depth = 0;
  let elements = 0;
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open < 0) {
      checkText(xml.slice(at), locale);
      return;
    }
    checkText(xml.slice(at, open), locale);
    if (xml.startsWith('<!--', open)) at = skipPast(xml, open, '-->', locale);
    else if (xml.startsWith('<![CDATA[', open)) {
      const end = skipPast(xml, open, ']]>', locale);
      checkText(xml.slice(open + 9, end - 3), locale);
      at = end;
    } else if (xml.startsWith('<?', open)) at = skipPast(xml, open, '?>', locale);
    else if (xml.startsWith('</', open)) {
      at = skipPast(xml, open, '>', locale);
      depth -= 1;
    } else {
      const end = tagEnd(xml, open, locale);
      const tag = xml.slice(open + 1, end);
      checkTag(tag, locale);
      elements += 1;
      if (!tag.endsWith('/')) depth += 1;
      if (depth > bpmnLimits.maxDepth)
        throw refuse(
          locale,
          'too_deep',
          `Вложенность XML глубже ${bpmnLimits.maxDepth} уровней`,
          `XML nesting is deeper than ${bpmnLimits.maxDepth} levels`,
        );
      if (elements > bpmnLimits.maxElements)
        throw refuse(
          locale,
          'too_many_elements',
          `В файле больше ${bpmnLimits.maxElements} элементов XML`,
          `The file has more than ${bpmnLimits.maxElements} XML elements`,
        );
      at = end + 1;
    }
  }
}

function skipPast(xml: string, from: number, marker: string, locale: Locale): number {
  const end = xml.indexOf(marker, from);
  if (end < 0) throw notXml(locale);
  return end + marker.length;
}

/** The `>` closing a start tag, skipping quoted attribute values. */
function tagEnd(xml: string, open: number, locale: Locale): number {
  let quote = '';
  for (let i = open + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw notXml(locale);
}

/**
 * Reads a start tag's name and attributes by hand rather than with a regular expression: on a multi-megabyte
 * run of name characters a backtracking pattern can exhaust the engine's stack. A name with no `=` and value
 * after it is not well-formed XML, and no real BPMN name is longer than the limit.
 */
function checkTag(tag: string, locale: Locale): void {
  let at = 0;
  const readName = () => {
    const from = at;
    while (at < tag.length && !isNameEnd(tag.charCodeAt(at))) at += 1;
    if (at - from > bpmnLimits.maxNameChars) throw notXml(locale);
    return tag.slice(from, at);
  };
  const skipSpace = () => {
    while (at < tag.length && isSpace(tag.charCodeAt(at))) at += 1;
  };
  checkName(readName(), locale);
  for (;;) {
    skipSpace();
    if (at >= tag.length || tag[at] === '/') return;
    const name = readName();
    skipSpace();
    if (!name || tag[at] !== '=') throw notXml(locale);
    at += 1;
    skipSpace();
    const quote = tag[at];
    if (quote !== '"' && quote !== "'") throw notXml(locale);
    const close = tag.indexOf(quote, at + 1);
    if (close < 0) throw notXml(locale);
    checkName(name, locale);
    checkValue(tag.slice(at + 1, close), locale);
    at = close + 1;
  }
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isNameEnd = (code: number) => isSpace(code) || code === 0x3d /* = */ || code === 0x2f /* / */;

/** Both parts of a qualified name (`xmlns:__proto__` declares a prefix the parser keys by). */
function checkName(name: string, locale: Locale): void {
  for (const part of name.split(':')) if (forbiddenNames.has(part)) throw forbidden(part, locale);
}

function checkText(text: string, locale: Locale): void {
  if (text.length < 200) checkValue(text, locale);
}

/**
 * A value is checked as the parser will see it (character references decoded, whitespace trimmed) and only
 * whole: an id or a reference is one word, while a name like «Build a prototype» is harmless.
 */
function checkValue(raw: string, locale: Locale): void {
  const value = decodeReferences(raw).trim();
  if (forbiddenNames.has(value)) throw forbidden(value, locale);
}

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return safeChar(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return safeChar(Number.parseInt(ref.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[ref] ?? '';
  });
}

const safeChar = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '');

const forbidden = (word: string, locale: Locale) =>
  refuse(
    locale,
    'forbidden_name',
    `Имя или ссылка «${word}» в BPMN-файле не принимается`,
    `The name or reference "${word}" is not accepted in a BPMN file`,
  );

const notXml = (locale: Locale) =>
  refuse(locale, 'not_xml', 'Файл не является корректным XML', 'The file is not well-formed XML');
