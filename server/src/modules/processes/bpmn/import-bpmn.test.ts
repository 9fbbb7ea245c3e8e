import { describe, expect, it } from 'vitest';
import type { BpmnBody, BpmnNode } from './body-types.js';
import { exportBpmn } from './export-bpmn.js';
import { importBpmn } from './import-bpmn.js';

const namespaces =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A file with one process, its root elements and a diagram (shapes for `shapes`). */
function file(process: string, options: { roots?: string; shapes?: string; diagram?: boolean } = {}): string {
  const diagram =
    options.diagram === false
      ? ''
      : `<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="p">${options.shapes ?? '<bpmndi:BPMNShape id="s_di" bpmnElement="none"><dc:Bounds x="0" y="0" width="1" height="1"/></bpmndi:BPMNShape>'}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
  return `<?xml version="1.0" encoding="UTF-8"?><definitions ${namespaces} id="defs" targetNamespace="urn:t">${options.roots ?? ''}<process id="p" name="Refund" isExecutable="true">${process}</process>${diagram}</definitions>`;
}

const node = (body: BpmnBody, id: string): BpmnNode | undefined => body.nodes.find((n) => n.id === id);
const keptTypes = (body: BpmnBody) => Object.fromEntries((body.kept ?? []).map((k) => [k.id, k.bpmnType]));

describe('BPMN import maps each element kind', () => {
  it('reads start events: none, message, timer by cron or date; a timer by duration or a signal stays kept', async () => {
    const { body } = await importBpmn(
      file(
        `<startEvent id="none" name="Start"/>
         <startEvent id="msg"><messageEventDefinition messageRef="m1"/></startEvent>
         <startEvent id="cycle"><timerEventDefinition><timeCycle>R/PT15M</timeCycle></timerEventDefinition></startEvent>
         <startEvent id="date"><timerEventDefinition><timeDate>2027-01-01T09:00:00Z</timeDate></timerEventDefinition></startEvent>
         <startEvent id="after"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></startEvent>
         <startEvent id="signal"><signalEventDefinition/></startEvent>`,
        { roots: '<message id="m1" name="refund.requested"/>' },
      ),
      'en',
    );
    expect(node(body, 'none')).toMatchObject({
      type: 'bpmn.startEvent',
      name: 'Start',
      config: { trigger: 'none' },
    });
    expect(node(body, 'msg')?.config).toEqual({ trigger: 'message', message: 'refund.requested' });
    expect(node(body, 'cycle')?.config).toEqual({ trigger: 'timer', cron: '*/15 * * * *' });
    expect(node(body, 'date')?.config).toEqual({ trigger: 'timer', timeDate: '2027-01-01T09:00:00Z' });
    expect(keptTypes(body)).toMatchObject({ after: 'startEvent', signal: 'startEvent', m1: 'message' });
  });

  it('reads end events: none, terminate, error with its code; a message end stays kept', async () => {
    const { body } = await importBpmn(
      file(
        `<endEvent id="e1"/>
         <endEvent id="e2"><terminateEventDefinition/></endEvent>
         <endEvent id="e3"><errorEventDefinition errorRef="err"/></endEvent>
         <endEvent id="e4"><messageEventDefinition/></endEvent>`,
        { roots: '<error id="err" errorCode="REFUND_FAILED"/>' },
      ),
      'en',
    );
    expect(node(body, 'e1')?.config).toEqual({ result: 'none' });
    expect(node(body, 'e2')?.config).toEqual({ result: 'terminate' });
    expect(node(body, 'e3')?.config).toEqual({ result: 'error', errorCode: 'REFUND_FAILED' });
    expect(keptTypes(body).e4).toBe('endEvent');
  });

  it('reads user and service tasks with placeholders named in the problems; plain tasks stay kept', async () => {
    const { body, problems } = await importBpmn(
      file(
        `<userTask id="u1"/>
         <userTask id="u2"><potentialOwner><resourceRef>accountant</resourceRef></potentialOwner></userTask>
         <serviceTask id="s1"/><task id="t1"/><manualTask id="t2"/><scriptTask id="t3"/><sendTask id="t4"/>`,
        { roots: '<resource id="accountant" name="accounting"/>' },
      ),
      'en',
    );
    expect(node(body, 'u1')?.config).toEqual({ assignee: { kind: 'role', value: 'operator' } });
    expect(node(body, 'u2')?.config).toEqual({ assignee: { kind: 'role', value: 'accounting' } });
    expect(node(body, 's1')?.config).toEqual({ action: 'script' });
    expect(problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['action_placeholder', 'assignee_placeholder']),
    );
    expect(keptTypes(body)).toMatchObject({ t1: 'task', t2: 'manualTask', t3: 'scriptTask', t4: 'sendTask' });
  });

  it('reads gateways and flows with conditions, names and the default flow', async () => {
    const { body, problems } = await importBpmn(
      file(
        `<exclusiveGateway id="x" default="f2"/><parallelGateway id="y"/><inclusiveGateway id="z"/>
         <eventBasedGateway id="w"/><complexGateway id="c"/>
         <sequenceFlow id="f1" name="big" sourceRef="x" targetRef="y"><conditionExpression xsi:type="tFormalExpression">amount &gt; 1000</conditionExpression></sequenceFlow>
         <sequenceFlow id="f2" sourceRef="x" targetRef="z"/>
         <sequenceFlow id="f3" sourceRef="x" targetRef="c"/>`,
      ),
      'en',
    );
    expect(body.nodes.map((n) => n.type)).toEqual([
      'bpmn.exclusiveGateway',
      'bpmn.parallelGateway',
      'bpmn.inclusiveGateway',
      'bpmn.eventBasedGateway',
    ]);
    expect(body.flows).toEqual([
      { id: 'f1', source: 'x', target: 'y', name: 'big', condition: 'amount > 1000' },
      { id: 'f2', source: 'x', target: 'z', isDefault: true },
      { id: 'f3', source: 'x', target: 'c' },
    ]);
    // The flow into a kept element stays a flow, so the process's checks name what it connects.
    expect(keptTypes(body)).toMatchObject({ c: 'complexGateway' });
    expect(problems).toContainEqual({
      pointer: '/flows/2/target',
      code: 'kept_connected',
      message:
        'Flow f3 connects the non-executable element complexGateway "c": remove the element or the flow',
    });
  });

  it('reads intermediate events: timers (duration, date, cron), messages, throws; a signal stays kept', async () => {
    const { body } = await importBpmn(
      file(
        `<intermediateCatchEvent id="t1"><timerEventDefinition><timeDuration>P1DT2H</timeDuration></timerEventDefinition></intermediateCatchEvent>
         <intermediateCatchEvent id="t2"><timerEventDefinition><timeCycle>0 9 * * 1</timeCycle></timerEventDefinition></intermediateCatchEvent>
         <intermediateCatchEvent id="t3"><timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></intermediateCatchEvent>
         <intermediateCatchEvent id="m"><messageEventDefinition messageRef="msg"/></intermediateCatchEvent>
         <intermediateCatchEvent id="sig"><signalEventDefinition/></intermediateCatchEvent>
         <intermediateThrowEvent id="n"/>
         <intermediateThrowEvent id="tm"><messageEventDefinition messageRef="msg"/></intermediateThrowEvent>
         <intermediateThrowEvent id="esc"><escalationEventDefinition/></intermediateThrowEvent>`,
        { roots: '<message id="msg" name="paid"/>' },
      ),
      'en',
    );
    expect(node(body, 't1')?.config).toEqual({ kind: 'timer', durationSeconds: 93_600 });
    expect(node(body, 't2')?.config).toEqual({ kind: 'timer', cron: '0 9 * * 1' });
    expect(node(body, 'm')?.config).toEqual({ kind: 'message', message: 'paid' });
    expect(node(body, 'n')?.config).toEqual({ kind: 'none' });
    expect(node(body, 'tm')?.config).toEqual({ kind: 'message', message: 'paid' });
    expect(keptTypes(body)).toMatchObject({
      t3: 'intermediateCatchEvent',
      sig: 'intermediateCatchEvent',
      esc: 'intermediateThrowEvent',
    });
  });

  it('reads boundary timers (interrupting or not) and errors on nodes; others, and those on kept tasks, stay kept', async () => {
    const { body } = await importBpmn(
      file(
        `<userTask id="u"/><task id="plain"/>
         <boundaryEvent id="b1" attachedToRef="u" cancelActivity="false"><timerEventDefinition><timeDuration>PT30M</timeDuration></timerEventDefinition></boundaryEvent>
         <boundaryEvent id="b2" attachedToRef="u"><errorEventDefinition errorRef="err"/></boundaryEvent>
         <boundaryEvent id="b3" attachedToRef="u"><messageEventDefinition/></boundaryEvent>
         <boundaryEvent id="b4" attachedToRef="plain"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></boundaryEvent>`,
        { roots: '<error id="err" name="Declined"/>' },
      ),
      'en',
    );
    expect(node(body, 'b1')?.config).toEqual({
      attachedTo: 'u',
      kind: 'timer',
      interrupting: false,
      durationSeconds: 1800,
    });
    expect(node(body, 'b2')?.config).toEqual({
      attachedTo: 'u',
      kind: 'error',
      interrupting: true,
      errorCode: 'Declined',
    });
    expect(keptTypes(body)).toMatchObject({ b3: 'boundaryEvent', b4: 'boundaryEvent', plain: 'task' });
  });

  it('reads sub-processes (children name their parent), call activities and multi-instance markers', async () => {
    const { body } = await importBpmn(
      file(
        `<subProcess id="sp"><multiInstanceLoopCharacteristics isSequential="true"><loopDataInputRef>items</loopDataInputRef><inputDataItem id="it" name="line"/><completionCondition>done</completionCondition></multiInstanceLoopCharacteristics>
           <startEvent id="in1"/><userTask id="in2"/><sequenceFlow id="inner" sourceRef="in1" targetRef="in2"/>
           <textAnnotation id="note"><text>inside</text></textAnnotation>
         </subProcess>
         <dataObject id="items" name="items"/>
         <callActivity id="call" calledElement="refund-check"/>
         <callActivity id="call2" calledElement="Not A Key"/>
         <subProcess id="events" triggeredByEvent="true"/>
         <userTask id="looped"><standardLoopCharacteristics/></userTask>`,
      ),
      'en',
    );
    expect(node(body, 'sp')?.config).toEqual({
      multiInstance: {
        mode: 'sequential',
        collection: 'items',
        element: 'line',
        completionCondition: 'done',
      },
    });
    expect(node(body, 'in1')?.parent).toBe('sp');
    expect(node(body, 'in2')?.parent).toBe('sp');
    expect(body.flows.find((f) => f.id === 'inner')).toEqual({ id: 'inner', source: 'in1', target: 'in2' });
    expect(node(body, 'call')?.config).toEqual({ process: 'refund-check' });
    expect(node(body, 'call2')?.config).toEqual({ process: 'process' });
    expect(keptTypes(body)).toMatchObject({
      note: 'textAnnotation',
      items: 'dataObject',
      events: 'subProcess',
      looped: 'userTask',
    });
    // The annotation goes back into its sub-process on export.
    expect(exportBpmn(body)).toMatch(/<bpmn:subProcess id="sp"[\s\S]*id="note"[\s\S]*<\/bpmn:subProcess>/);
  });

  it('reads positions, waypoints and lanes (a node in the innermost lane)', async () => {
    const { body } = await importBpmn(
      file(
        `<laneSet id="ls"><lane id="l1" name="Support"><flowNodeRef>a</flowNodeRef><childLaneSet id="cls"><lane id="l2" name="Head"><flowNodeRef>b</flowNodeRef></lane></childLaneSet></lane></laneSet>
         <startEvent id="a"/><endEvent id="b"/><sequenceFlow id="f" sourceRef="a" targetRef="b"/>`,
        {
          shapes: `<bpmndi:BPMNShape id="a_di" bpmnElement="a"><dc:Bounds x="10" y="20" width="36" height="36"/></bpmndi:BPMNShape>
                   <bpmndi:BPMNShape id="l1_di" bpmnElement="l1" isHorizontal="true"><dc:Bounds x="0" y="0" width="600" height="300"/></bpmndi:BPMNShape>
                   <bpmndi:BPMNEdge id="f_di" bpmnElement="f"><di:waypoint x="46" y="38"/><di:waypoint x="100" y="38"/></bpmndi:BPMNEdge>`,
        },
      ),
      'en',
    );
    expect(node(body, 'a')).toMatchObject({ position: { x: 10, y: 20, width: 36, height: 36 }, lane: 'l1' });
    expect(node(body, 'b')?.lane).toBe('l2');
    expect(body.flows[0]?.waypoints).toEqual([
      { x: 46, y: 38 },
      { x: 100, y: 38 },
    ]);
    expect(body.lanes).toEqual([
      { id: 'l1', name: 'Support', position: { x: 0, y: 0, width: 600, height: 300 } },
      { id: 'l2', name: 'Head' },
    ]);
  });

  it("takes the first participant's process and keeps pools, message flows and the other process", async () => {
    const xml = `<?xml version="1.0"?><definitions ${namespaces} id="d" targetNamespace="t">
      <collaboration id="c"><participant id="pa" name="Customer" processRef="p1"/><participant id="pb" name="Shop" processRef="p2"/>
        <messageFlow id="mf" sourceRef="a1" targetRef="b1"/></collaboration>
      <process id="p1"><startEvent id="a1"/></process><process id="p2"><startEvent id="b1"/></process></definitions>`;
    const { body } = await importBpmn(xml, 'en');
    expect(body.nodes.map((n) => n.id)).toEqual(['a1']);
    expect(keptTypes(body)).toMatchObject({
      pa: 'participant',
      pb: 'participant',
      mf: 'messageFlow',
      p2: 'process',
    });
    expect(body.title).toEqual({ ru: 'p1' });
  });

  it('renames ids the schema does not accept, everywhere they are used, and says so', async () => {
    const { body, problems } = await importBpmn(
      file(
        '<startEvent id="start.1"/><endEvent id="end.1"/><sequenceFlow id="f.1" sourceRef="start.1" targetRef="end.1"/>',
      ),
      'en',
    );
    expect(body.nodes.map((n) => n.id)).toEqual(['start_1', 'end_1']);
    expect(body.flows[0]).toMatchObject({ id: 'f_1', source: 'start_1', target: 'end_1' });
    expect(problems.filter((p) => p.code === 'id_renamed')).toHaveLength(3);
  });

  it('lays out a file with no diagram by bpmn-auto-layout when its nodes list their flows', async () => {
    const { body, problems } = await importBpmn(
      file(
        '<startEvent id="a"><outgoing>f1</outgoing></startEvent><userTask id="b"><incoming>f1</incoming><outgoing>f2</outgoing></userTask><endEvent id="c"><incoming>f2</incoming></endEvent><sequenceFlow id="f1" sourceRef="a" targetRef="b"/><sequenceFlow id="f2" sourceRef="b" targetRef="c"/>',
        { diagram: false },
      ),
      'en',
    );
    expect(problems.map((p) => p.code)).toContain('layout_computed');
    const xs = body.nodes.map((n) => n.position?.x ?? Number.NaN);
    expect(xs[0]).toBeLessThan(xs[1] ?? 0);
    expect(xs[1]).toBeLessThan(xs[2] ?? 0);
    expect(body.flows.every((f) => (f.waypoints?.length ?? 0) >= 2)).toBe(true);
  });

  it('lays out a file with no diagram in layers otherwise', async () => {
    const { body, problems } = await importBpmn(
      file(
        '<startEvent id="a"/><userTask id="b"/><endEvent id="c"/><sequenceFlow id="f1" sourceRef="a" targetRef="b"/><sequenceFlow id="f2" sourceRef="b" targetRef="c"/>',
        {
          diagram: false,
        },
      ),
      'en',
    );
    expect(problems.map((p) => p.code)).toContain('layout_computed');
    const xs = body.nodes.map((n) => n.position?.x ?? Number.NaN);
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(xs[0]).toBeLessThan(xs[1] ?? 0);
    expect(xs[1]).toBeLessThan(xs[2] ?? 0);
  });
});

describe('BPMN export', () => {
  /** A process Opora drew: every node type with a config BPMN alone could not carry. */
  const drawn: BpmnBody = {
    schemaVersion: 2,
    title: { ru: 'Возврат', en: 'Refund' },
    entity: 'refund',
    variables: [{ name: 'amount', label: { ru: 'Сумма' } }],
    lanes: [{ id: 'lane1', name: 'Поддержка', position: { x: 0, y: 0, width: 1200, height: 400 } }],
    nodes: [
      {
        id: 'start',
        type: 'bpmn.startEvent',
        typeVersion: 1,
        name: 'Заявка',
        lane: 'lane1',
        position: { x: 50, y: 100, width: 36, height: 36 },
        config: { trigger: 'form', form: 'refund-form' },
      },
      {
        id: 'approve',
        type: 'opora.approvalTask',
        typeVersion: 1,
        name: 'Согласование',
        position: { x: 150, y: 80, width: 100, height: 80 },
        config: {
          approvers: { kind: 'roles', value: ['head', 'accounting'] },
          mode: 'parallel',
          rule: 'all',
          dueInSeconds: 86_400,
          remindBeforeSeconds: 3600,
          fourEyes: true,
        },
      },
      {
        id: 'late',
        type: 'bpmn.boundaryEvent',
        typeVersion: 1,
        position: { x: 200, y: 142, width: 36, height: 36 },
        config: { attachedTo: 'approve', kind: 'timer', interrupting: false, durationSeconds: 86_400 },
      },
      {
        id: 'split',
        type: 'bpmn.exclusiveGateway',
        typeVersion: 1,
        position: { x: 300, y: 95, width: 50, height: 50 },
        config: {},
      },
      {
        id: 'pay',
        type: 'bpmn.serviceTask',
        typeVersion: 1,
        name: 'Выплата',
        position: { x: 400, y: 80, width: 100, height: 80 },
        config: {
          action: 'integration',
          integration: 'bank',
          operation: 'pay',
          input: { amount: 'amount' },
          output: 'payment',
        },
      },
      {
        id: 'wait',
        type: 'bpmn.intermediateCatchEvent',
        typeVersion: 1,
        position: { x: 550, y: 100, width: 36, height: 36 },
        config: { kind: 'message', message: 'bank.paid', correlationKey: 'payment.id' },
      },
      {
        id: 'sub',
        type: 'bpmn.subProcess',
        typeVersion: 1,
        position: { x: 600, y: 200, width: 350, height: 200 },
        config: { multiInstance: { mode: 'parallel', collection: 'items', element: 'item' } },
      },
      {
        id: 'subStart',
        type: 'bpmn.startEvent',
        typeVersion: 1,
        parent: 'sub',
        position: { x: 620, y: 250, width: 36, height: 36 },
        config: { trigger: 'none' },
      },
      {
        id: 'subTask',
        type: 'bpmn.userTask',
        typeVersion: 1,
        parent: 'sub',
        position: { x: 700, y: 230, width: 100, height: 80 },
        config: { assignee: { kind: 'expression', value: 'item.owner' }, dueInSeconds: 600 },
      },
      {
        id: 'subEnd',
        type: 'bpmn.endEvent',
        typeVersion: 1,
        parent: 'sub',
        position: { x: 850, y: 250, width: 36, height: 36 },
        config: { result: 'none' },
      },
      {
        id: 'call',
        type: 'bpmn.callActivity',
        typeVersion: 1,
        position: { x: 1000, y: 80, width: 100, height: 80 },
        config: { process: 'notify', variables: { who: 'author' } },
      },
      {
        id: 'tick',
        type: 'bpmn.intermediateCatchEvent',
        typeVersion: 1,
        config: { kind: 'timer', cron: '0 9 * * 1' },
      },
      {
        id: 'throw',
        type: 'bpmn.intermediateThrowEvent',
        typeVersion: 1,
        config: { kind: 'message', message: 'bank.paid' },
      },
      {
        id: 'failed',
        type: 'bpmn.endEvent',
        typeVersion: 1,
        position: { x: 400, y: 300, width: 36, height: 36 },
        config: { result: 'error', errorCode: 'DECLINED' },
      },
      {
        id: 'done',
        type: 'bpmn.endEvent',
        typeVersion: 1,
        position: { x: 1150, y: 100, width: 36, height: 36 },
        config: { result: 'terminate' },
      },
    ],
    flows: [
      { id: 'f1', source: 'start', target: 'approve' },
      { id: 'f2', source: 'approve', target: 'split' },
      {
        id: 'f3',
        source: 'split',
        target: 'pay',
        name: 'да',
        condition: "outcome == 'approved'",
        waypoints: [
          { x: 350, y: 120 },
          { x: 400, y: 120 },
        ],
      },
      { id: 'f4', source: 'split', target: 'failed', isDefault: true },
      { id: 'f5', source: 'pay', target: 'wait' },
      { id: 'f6', source: 'wait', target: 'sub' },
      { id: 'f7', source: 'subStart', target: 'subTask' },
      { id: 'f8', source: 'sub', target: 'call' },
      { id: 'f9', source: 'call', target: 'done' },
      { id: 'f10', source: 'late', target: 'tick' },
      { id: 'f11', source: 'tick', target: 'throw' },
      { id: 'f12', source: 'subTask', target: 'subEnd' },
      { id: 'f13', source: 'throw', target: 'done' },
    ],
  };

  it("writes every node type as BPMN and reads Opora's own file back to the same body", async () => {
    const xml = exportBpmn(drawn);
    expect(xml).toContain('<bpmn:userTask id="approve" name="Согласование">');
    expect(xml).toContain('<opora:config type="opora.approvalTask">');
    expect(xml).toContain('<bpmn:exclusiveGateway id="split" default="f4">');
    expect(xml).toContain('<bpmn:boundaryEvent id="late" attachedToRef="approve" cancelActivity="false">');
    expect(xml).toContain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration>');
    expect(xml).toContain('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">0 9 * * 1</bpmn:timeCycle>');
    expect(xml).toContain('<bpmn:message id="Message_1" name="bank.paid" />');
    expect(xml).toContain('<bpmn:error id="Error_1" errorCode="DECLINED" />');
    expect(xml).toContain('<bpmn:multiInstanceLoopCharacteristics isSequential="false">');
    expect(xml).toMatch(
      /<bpmn:subProcess id="sub"[\s\S]*id="subTask"[\s\S]*id="f7"[\s\S]*<\/bpmn:subProcess>/,
    );
    const { body, problems } = await importBpmn(xml, 'en');
    expect(problems).toEqual([]);
    const { kept, ...graph } = body;
    // Nodes without a position get one placed in layers, flows without waypoints an edge from centre to
    // centre, and a sub-process's content comes first; the rest comes back as drawn.
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    const unplaced = (b: BpmnBody) => ({
      ...b,
      nodes: byId(
        b.nodes.map(({ position, ...n }) =>
          drawn.nodes.find((d) => d.id === n.id)?.position ? { ...n, position } : n,
        ),
      ),
      flows: byId(
        b.flows.map(({ waypoints, ...f }) =>
          drawn.flows.find((d) => d.id === f.id)?.waypoints ? { ...f, waypoints } : f,
        ),
      ),
    });
    expect(unplaced(graph as BpmnBody)).toEqual(unplaced(drawn));
    expect(graph.nodes.every((n) => n.position)).toBe(true);
    expect(kept?.map((k) => k.bpmnType).sort()).toEqual(['definitions', 'error', 'message', 'process']);
    // And a second export is the same file.
    expect(exportBpmn(body)).toBe(exportBpmn((await importBpmn(exportBpmn(body), 'en')).body));
  });

  it('writes a body with no kept shells as a whole file that bpmn-moddle reads without warnings', async () => {
    const { BpmnModdle } = await import('bpmn-moddle');
    const { warnings } = await BpmnModdle().fromXML(exportBpmn(drawn));
    expect(warnings).toEqual([]);
  });
});
