import { describe, expect, it } from 'vitest';
import { BpmnRefusedError } from './bpmn-error.js';
import { importBpmn } from './import-bpmn.js';

const model = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const wrap = (process: string, prolog = '') =>
  `<?xml version="1.0"?>${prolog}<definitions xmlns="${model}" id="d" targetNamespace="t"><process id="p">${process}</process></definitions>`;

/** Imports and returns the refusal's code, failing when the file was accepted; each must also be quick. */
async function refusal(xml: string): Promise<string> {
  const started = performance.now();
  try {
    await importBpmn(xml, 'en');
  } catch (error) {
    expect(error).toBeInstanceOf(BpmnRefusedError);
    expect((error as BpmnRefusedError).status).toBe(400);
    expect(performance.now() - started).toBeLessThan(5000);
    return (error as BpmnRefusedError).code;
  }
  throw new Error('the file was accepted');
}

describe('hostile BPMN is refused before parsing, quickly and with a code', () => {
  it('refuses an external entity (XXE)', async () => {
    const xml = wrap(
      '<startEvent id="s" name="&xxe;"/>',
      '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    expect(await refusal(xml)).toBe('doctype');
  });

  it('refuses entity expansion (billion laughs), whatever the case of the keyword', async () => {
    const entities = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('');
    const xml = wrap('<startEvent id="s" name="&l10;"/>', `<!doctype d [<!ENTITY l0 "lol">${entities}]>`);
    expect(await refusal(xml)).toBe('doctype');
  });

  it('refuses an ENTITY declaration even without a DOCTYPE before it', async () => {
    expect(await refusal(wrap('<!ENTITY x "y"><startEvent id="s"/>'))).toBe('doctype');
  });

  it.each([
    ['an id', '<startEvent id="__proto__"/>'],
    ['a reference', '<startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="constructor"/>'],
    [
      'a reference in text',
      '<laneSet id="ls"><lane id="l"><flowNodeRef>prototype</flowNodeRef></lane></laneSet>',
    ],
    ['an id spelled with character references', '<startEvent id="&#95;_proto&#x5f;_"/>'],
    ['a namespace prefix', '<startEvent xmlns:__proto__="urn:x" id="s"/>'],
    ['an element name', '<__proto__ id="s"/>'],
  ])('refuses __proto__, constructor and prototype as %s', async (_, process) => {
    expect(await refusal(wrap(process))).toBe('forbidden_name');
  });

  it('accepts those words inside a longer name', async () => {
    const { body } = await importBpmn(
      wrap('<startEvent id="s" name="Build the prototype constructor"/>'),
      'en',
    );
    expect(body.nodes[0]?.name).toBe('Build the prototype constructor');
  });

  it('refuses a 6 MB file and a 50 MB file by size', async () => {
    const padding = (mb: number) => `<!--${'x'.repeat(mb * 1024 * 1024)}-->`;
    expect(await refusal(wrap(`<startEvent id="s"/>${padding(6)}`))).toBe('too_large');
    expect(await refusal(wrap(`<startEvent id="s"/>${padding(50)}`))).toBe('too_large');
  });

  it('refuses nesting 100,000 levels deep', async () => {
    const depth = 100_000;
    expect(await refusal(wrap(`${'<documentation>'.repeat(depth)}${'</documentation>'.repeat(depth)}`))).toBe(
      'too_deep',
    );
  });

  it('refuses more XML elements than the limit', async () => {
    expect(await refusal(wrap('<documentation/>'.repeat(100_001)))).toBe('too_many_elements');
  });

  it("refuses more nodes than the schema's 2000", async () => {
    const events = Array.from({ length: 2001 }, (_, i) => `<intermediateThrowEvent id="e${i}"/>`).join('');
    expect(await refusal(wrap(events))).toBe('too_many_elements');
  });

  it('refuses text that is not XML, XML that is not BPMN, and a file with no process', async () => {
    expect(await refusal('not xml at all <<<')).toBe('not_xml');
    expect(await refusal('<definitions xmlns="urn:x"><a')).toBe('not_xml');
    expect(await refusal('<?xml version="1.0"?><html><body/></html>')).toBe('not_bpmn');
    expect(await refusal(`<definitions xmlns="${model}" id="d"/>`)).toBe('no_process');
  });

  it('scans pathological tags in linear time', async () => {
    const started = performance.now();
    // A 4 MB run of name characters with no `=`: not well-formed, refused by the scan without a pattern.
    expect(await refusal(wrap(`<startEvent id="s" ${'a'.repeat(4 * 1024 * 1024)}/>`))).toBe('not_xml');
    expect(await refusal(wrap(`<startEvent id="s" ${'a'.repeat(2000)}="x"/>`))).toBe('not_xml');
    expect(await refusal(wrap(`<startEvent id="s" name="${'x'.repeat(4 * 1024 * 1024)}`))).toBe('not_xml');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reads no Opora config whose JSON names __proto__, constructor or prototype', async () => {
    const poisoned = JSON.stringify({ trigger: 'form', constructor: { prototype: { polluted: true } } });
    const xml = wrap(
      `<startEvent id="s"><extensionElements><opora:config xmlns:opora="https://opora.dev/schema/bpmn/1.0" type="bpmn.startEvent">${poisoned}</opora:config></extensionElements></startEvent>`,
    );
    const { body } = await importBpmn(xml, 'en');
    expect(body.nodes[0]?.config).toEqual({ trigger: 'none' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers in Russian by default', async () => {
    await expect(importBpmn(wrap('', '<!DOCTYPE d>'), 'ru')).rejects.toThrow(/DOCTYPE и ENTITY/);
  });
});
