import type { Locale } from '@opora/runtime/definitions';
import type { Moddle, ModdleElement } from 'bpmn-moddle';
import { refuse } from './bpmn-error.js';
import { forbiddenNames } from './limits.js';
import { createModdle } from './opora-namespace.js';
import { refuseHostileXml } from './refuse-hostile.js';

export interface ParsedBpmn {
  moddle: Moddle;
  definitions: ModdleElement;
  warnings: string[];
}

/** Parses a BPMN file after refusing hostile XML; a file moddle cannot read, or no `definitions`, is refused. */
export async function parseBpmn(xml: string, locale: Locale): Promise<ParsedBpmn> {
  refuseHostileXml(xml, locale);
  if (rootLocalName(xml) !== 'definitions') throw notBpmn(locale);
  const moddle = createModdle();
  let parsed: Awaited<ReturnType<Moddle['fromXML']>>;
  try {
    parsed = await moddle.fromXML(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 300) : '';
    throw refuse(
      locale,
      'not_xml',
      `Файл не читается как BPMN: ${reason}`,
      `The file does not read as BPMN: ${reason}`,
    );
  }
  if (parsed.rootElement?.$type !== 'bpmn:Definitions')
    throw refuse(
      locale,
      'not_bpmn',
      'В файле нет BPMN-определений (definitions)',
      'The file has no BPMN definitions',
    );
  for (const id of Object.keys(parsed.elementsById))
    if (forbiddenNames.has(id))
      throw refuse(
        locale,
        'forbidden_name',
        `Идентификатор «${id}» не принимается`,
        `The id "${id}" is not accepted`,
      );
  return {
    moddle,
    definitions: parsed.rootElement,
    warnings: parsed.warnings.map((warning) => warning.message.split('\n')[0] ?? ''),
  };
}

const notBpmn = (locale: Locale) =>
  refuse(
    locale,
    'not_bpmn',
    'В файле нет BPMN-определений (definitions)',
    'The file has no BPMN definitions',
  );

/**
 * The root element's local name: the first tag that is no declaration, comment or processing instruction.
 * Walked with indexOf, not a pattern over the whole file, so its cost stays linear in the file.
 */
function rootLocalName(xml: string): string | undefined {
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open < 0) return undefined;
    const closer = xml.startsWith('<?', open) ? '?>' : xml.startsWith('<!--', open) ? '-->' : '';
    if (!closer)
      return /^<(?:[A-Za-z_][\w.-]{0,200}:)?([A-Za-z_][\w.-]{0,200})/.exec(xml.slice(open, open + 420))?.[1];
    const end = xml.indexOf(closer, open);
    if (end < 0) return undefined;
    at = end + closer.length;
  }
}
