import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const refund = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="urn:t">
  <process id="refund" name="Refund">
    <startEvent id="start"/><userTask id="check" name="Check"><potentialOwner><resourceRef>head</resourceRef></potentialOwner></userTask><endEvent id="end"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="check"/><sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
    <textAnnotation id="note"><text>Over 10,000 only</text></textAnnotation>
  </process>
  <resource id="head" name="supervisor"/>
  <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="refund">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="note_di" bpmnElement="note"><dc:Bounds x="200" y="200" width="150" height="40"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

describe.each(databaseTargets)('BPMN import and export routes on $name', (target) => {
  let h: Harness;
  let analyst: Record<string, string>;
  const importXml = (xml: string, headers: Record<string, string>, contentType = 'application/xml') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/processes/import',
      headers: { ...headers, 'content-type': contentType, 'accept-language': 'en' },
      payload: xml,
    });

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
  });
  afterAll(() => h.close());

  it('imports a file, saves it as a draft and exports the draft with its kept annotation', async () => {
    const imported = await importXml(refund, analyst);
    expect(imported.statusCode).toBe(200);
    const { body, problems } = imported.json();
    expect(problems).toEqual([]);
    expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(['start', 'check', 'end']);
    expect(body.nodes[1].config).toEqual({ assignee: { kind: 'role', value: 'supervisor' } });

    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: analyst,
      payload: { kind: 'process', key: 'refund', name: 'Refund', body },
    });
    expect(created.statusCode).toBe(201);
    const exported = await h.app.inject({
      method: 'GET',
      url: `/api/v1/definitions/${created.json().id}/bpmn`,
      headers: analyst,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/xml/);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="refund.bpmn"');
    expect(exported.body).toContain('<bpmn:userTask id="check" name="Check">');
    expect(exported.body).toMatch(/id="note"[\s\S]*Over 10,000 only/);
    expect(exported.body).toContain('bpmnElement="note"');

    const again = await importXml(exported.body, analyst);
    expect(again.json().body).toMatchObject({ nodes: body.nodes, flows: body.flows, title: body.title });
  });

  it('refuses hostile XML with 400 and a bpmn_ code, in the user language', async () => {
    const res = await importXml(
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${refund.slice(38)}`,
      analyst,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'bpmn_doctype',
      message: 'BPMN-файл не принят: Объявления DOCTYPE и ENTITY в BPMN-файле не принимаются',
    });
    const proto = await importXml(refund.replace('id="start"', 'id="__proto__"'), analyst);
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.code).toBe('bpmn_forbidden_name');
  });

  it('refuses a body over the size limit, a body that is not XML, and staff who do not design', async () => {
    const huge = await importXml(`${refund}<!--${'x'.repeat(6 * 1024 * 1024)}-->`, analyst);
    expect(huge.statusCode).toBe(413);
    expect((await importXml('{"a":1}', analyst, 'application/json')).statusCode).toBe(415);
    expect((await importXml(refund, await h.as('operator'))).statusCode).toBe(403);
  });

  it('exports only process definitions', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/definitions/00000000-0000-4000-8000-000000000000/bpmn',
      headers: analyst,
    });
    expect(res.statusCode).toBe(404);
  });
});
