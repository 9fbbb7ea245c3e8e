import type { ProcessBody } from '@opora/runtime/definitions';
import type { BpmnBody, BpmnFlow, BpmnKept, BpmnNode } from './body-types.js';
import {
  escapeAttribute as attr,
  definitionsContainer,
  diagramContainer,
  escapeText,
  readKept,
  unescapeXml,
} from './kept-marks.js';
import { size } from './layout.js';
import { oporaUri } from './opora-namespace.js';
import { secondsToIsoDuration } from './timers.js';
import { attributesOf, isRoot, rootAttribute, splitElement, takeExtensionElements } from './xml-fragments.js';

const namespaces: Record<string, string> = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  opora: oporaUri,
};

/** Attributes the export writes itself, so a node's kept extras must not repeat them. */
const generatedAttributes = new Set([
  'id',
  'name',
  'attachedToRef',
  'cancelActivity',
  'default',
  'calledElement',
  'sourceRef',
  'targetRef',
]);

interface Kept {
  entry: BpmnKept;
  xml: string;
  container: string;
  shell: boolean;
}

/**
 * Writes a process body as a BPMN 2.0 file: nodes and flows as BPMN elements (each node's config in
 * `<opora:config>`, so Opora reads it back whole), DI from positions and waypoints, and every kept element
 * back where it was, with its DI.
 */
export function exportBpmn(body: ProcessBody | BpmnBody): string {
  return new BpmnWriter(body as BpmnBody).write();
}

class BpmnWriter {
  private readonly kept: Kept[];
  private readonly extras = new Map<string, string>();
  private readonly byContainer = new Map<string, string[]>();
  private readonly processId: string;
  private readonly collaboration: Kept | undefined;
  private readonly messages = new Map<string, string>();
  private readonly errors = new Map<string, string>();
  private readonly generatedRoots: string[] = [];
  private readonly nodeIds: Set<string>;

  constructor(private readonly body: BpmnBody) {
    this.kept = (body.kept ?? []).map((entry) => {
      const { xml, marks } = readKept(entry.xml);
      return {
        entry,
        xml,
        container: marks?.container ?? definitionsContainer,
        shell: marks?.shell ?? false,
      };
    });
    this.nodeIds = new Set(body.nodes.map((node) => node.id));
    for (const kept of this.kept) {
      if (kept.entry.bpmnType.startsWith('extras:')) this.extras.set(kept.container, kept.xml);
      else if (!kept.shell)
        this.byContainer.set(kept.container, [...(this.byContainer.get(kept.container) ?? []), kept.xml]);
    }
    this.collaboration = this.shell('collaboration');
    this.processId = this.shell('process')?.entry.id ?? this.freeId('Process_1');
    this.indexRootRefs();
  }

  write(): string {
    const process = this.process();
    const definitions = this.shell('definitions');
    const { open, inner, close } = definitions
      ? splitElement(definitions.xml)
      : splitElement(
          `<bpmn:definitions id="${this.freeId('Definitions_1')}" targetNamespace="https://opora.dev/bpmn" />`,
        );
    return [
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      withNamespaces(open),
      inner,
      ...(this.byContainer.get(definitionsContainer) ?? []),
      ...this.generatedRoots,
      this.collaborationXml(),
      process,
      this.diagram(),
      close,
      '\n',
    ].join('');
  }

  private shell(bpmnType: string): Kept | undefined {
    return this.kept.find(
      (kept) => kept.shell && kept.entry.bpmnType === bpmnType && !kept.entry.bpmnType.startsWith('extras:'),
    );
  }

  private freeId(wanted: string): string {
    const taken = new Set([
      ...this.body.nodes.map((n) => n.id),
      ...this.body.flows.map((f) => f.id),
      ...this.kept.map((k) => k.entry.id),
    ]);
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    return id;
  }

  // Root elements nodes refer to: messages by name, errors by code -----------------------------------------

  private indexRootRefs(): void {
    for (const xml of this.byContainer.get(definitionsContainer) ?? []) {
      const id = rootAttribute(xml, 'id');
      if (!id) continue;
      if (isRoot(xml, 'message')) this.messages.set(unescapeXml(rootAttribute(xml, 'name') ?? id), id);
      if (isRoot(xml, 'error'))
        this.errors.set(unescapeXml(rootAttribute(xml, 'errorCode') ?? rootAttribute(xml, 'name') ?? id), id);
    }
  }

  private messageRef(name: unknown): string {
    if (typeof name !== 'string') return '';
    const known = this.messages.get(name);
    if (known) return ` messageRef="${attr(known)}"`;
    const id = this.freeId(`Message_${this.messages.size + 1}`);
    this.messages.set(name, id);
    this.generatedRoots.push(`<bpmn:message id="${attr(id)}" name="${attr(name)}" />`);
    return ` messageRef="${attr(id)}"`;
  }

  private errorRef(code: unknown): string {
    if (typeof code !== 'string') return '';
    const known = this.errors.get(code);
    if (known) return ` errorRef="${attr(known)}"`;
    const id = this.freeId(`Error_${this.errors.size + 1}`);
    this.errors.set(code, id);
    this.generatedRoots.push(`<bpmn:error id="${attr(id)}" errorCode="${attr(code)}" />`);
    return ` errorRef="${attr(id)}"`;
  }

  // Semantic part ------------------------------------------------------------------------------------------

  private collaborationXml(): string {
    if (!this.collaboration) return '';
    const { open, inner, close } = splitElement(this.collaboration.xml);
    return open + inner + (this.byContainer.get(this.collaboration.entry.id) ?? []).join('') + close;
  }

  private process(): string {
    const shell = this.shell('process');
    const { open, inner, close } = splitElement(
      shell?.xml ?? `<bpmn:process id="${attr(this.processId)}" isExecutable="true" />`,
    );
    const settings = JSON.stringify({
      title: this.body.title,
      ...(this.body.entity ? { entity: this.body.entity } : {}),
      ...(this.body.variables ? { variables: this.body.variables } : {}),
    });
    const { extensions, rest } = takeExtensionElements(inner);
    return [
      open,
      `<bpmn:extensionElements><opora:process>${escapeText(settings)}</opora:process>${extensions}</bpmn:extensionElements>`,
      rest,
      this.laneSet(),
      this.content(undefined, this.processId),
      close,
    ].join('');
  }

  private laneSet(): string {
    const lanes = this.body.lanes ?? [];
    if (!lanes.length) return '';
    const refs = (lane: string) =>
      this.body.nodes
        .filter((node) => node.lane === lane)
        .map((node) => `<bpmn:flowNodeRef>${escapeText(node.id)}</bpmn:flowNodeRef>`)
        .join('');
    return `<bpmn:laneSet id="${attr(this.freeId(`${this.processId}_lanes`))}">${lanes
      .map((lane) => `<bpmn:lane id="${attr(lane.id)}"${nameAttr(lane.name)}>${refs(lane.id)}</bpmn:lane>`)
      .join('')}</bpmn:laneSet>`;
  }

  /** The nodes, flows and kept elements of the process (`parent` undefined) or of a sub-process node. */
  private content(parent: string | undefined, container: string): string {
    const inHere = (node: BpmnNode) =>
      parent === undefined ? !node.parent || !this.nodeIds.has(node.parent) : node.parent === parent;
    const nodes = this.body.nodes.filter(inHere);
    const here = new Set(nodes.map((node) => node.id));
    // A flow lies where its source node does; one from a kept element, where its target does.
    const flows = this.body.flows.filter((flow) =>
      this.nodeIds.has(flow.source)
        ? here.has(flow.source)
        : this.nodeIds.has(flow.target)
          ? here.has(flow.target)
          : parent === undefined,
    );
    return [
      ...nodes.map((node) => this.node(node)),
      ...flows.map((flow) => this.flow(flow)),
      ...(this.byContainer.get(container) ?? []),
    ].join('');
  }

  private node(node: BpmnNode): string {
    const tag = node.type === 'opora.approvalTask' ? 'userTask' : node.type.slice(node.type.indexOf('.') + 1);
    const config = node.config;
    const extra = this.extrasOf(node.id);
    const defaultFlow = this.body.flows.find((flow) => flow.source === node.id && flow.isDefault);
    const attributes = [
      ` id="${attr(node.id)}"`,
      nameAttr(node.name),
      node.type === 'bpmn.boundaryEvent' ? ` attachedToRef="${attr(String(config.attachedTo ?? ''))}"` : '',
      node.type === 'bpmn.boundaryEvent' && config.interrupting === false ? ' cancelActivity="false"' : '',
      node.type === 'bpmn.callActivity' && typeof config.process === 'string'
        ? ` calledElement="${attr(config.process)}"`
        : '',
      defaultFlow ? ` default="${attr(defaultFlow.id)}"` : '',
      extra.attributes,
    ].join('');
    const own = `<opora:config type="${attr(node.type)}">${escapeText(JSON.stringify(config))}</opora:config>`;
    return [
      `<bpmn:${tag}${attributes}>`,
      `<bpmn:extensionElements>${own}${extra.extensions}</bpmn:extensionElements>`,
      extra.rest,
      this.eventDefinition(node),
      multiInstance(config.multiInstance),
      node.type === 'bpmn.subProcess' ? this.content(node.id, node.id) : '',
      `</bpmn:${tag}>`,
    ].join('');
  }

  private flow(flow: BpmnFlow): string {
    const extra = this.extrasOf(flow.id);
    const condition = flow.condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeText(flow.condition)}</bpmn:conditionExpression>`
      : '';
    const extensions = extra.extensions
      ? `<bpmn:extensionElements>${extra.extensions}</bpmn:extensionElements>`
      : '';
    return `<bpmn:sequenceFlow id="${attr(flow.id)}"${nameAttr(flow.name)} sourceRef="${attr(flow.source)}" targetRef="${attr(flow.target)}"${extra.attributes}>${extensions}${extra.rest}${condition}</bpmn:sequenceFlow>`;
  }

  /** What a node or flow kept beyond the body: its other attributes (with their namespaces) and children. */
  private extrasOf(id: string): { attributes: string; extensions: string; rest: string } {
    const xml = this.extras.get(id);
    if (!xml) return { attributes: '', extensions: '', rest: '' };
    const { open, inner } = splitElement(xml);
    const attributes = attributesOf(open)
      .filter(([key]) => !generatedAttributes.has(key) && key !== 'xmlns:bpmn')
      .map(([key, value]) => ` ${key}="${value}"`)
      .join('');
    return { attributes, ...takeExtensionElements(inner) };
  }

  private eventDefinition(node: BpmnNode): string {
    const c = node.config;
    const id = ` id="${attr(`${node.id}_ed`)}"`;
    const timer = (field: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) =>
      `<bpmn:timerEventDefinition${id}><bpmn:${field} xsi:type="bpmn:tFormalExpression">${escapeText(value)}</bpmn:${field}></bpmn:timerEventDefinition>`;
    const when = () =>
      typeof c.durationSeconds === 'number'
        ? timer('timeDuration', secondsToIsoDuration(c.durationSeconds))
        : typeof c.timeDate === 'string'
          ? timer('timeDate', c.timeDate)
          : typeof c.cron === 'string'
            ? timer('timeCycle', c.cron)
            : `<bpmn:timerEventDefinition${id} />`;
    const message = () => `<bpmn:messageEventDefinition${id}${this.messageRef(c.message)} />`;
    switch (node.type) {
      case 'bpmn.startEvent':
        return c.trigger === 'timer' ? when() : c.trigger === 'message' ? message() : '';
      case 'bpmn.endEvent':
        if (c.result === 'terminate') return `<bpmn:terminateEventDefinition${id} />`;
        return c.result === 'error' ? `<bpmn:errorEventDefinition${id}${this.errorRef(c.errorCode)} />` : '';
      case 'bpmn.intermediateCatchEvent':
        return c.kind === 'timer' ? when() : message();
      case 'bpmn.intermediateThrowEvent':
        return c.kind === 'message' ? message() : '';
      case 'bpmn.boundaryEvent':
        return c.kind === 'timer'
          ? when()
          : `<bpmn:errorEventDefinition${id}${this.errorRef(c.errorCode)} />`;
      default:
        return '';
    }
  }

  // Diagram ------------------------------------------------------------------------------------------------

  private diagram(): string {
    const plane = this.collaboration?.entry.id ?? this.processId;
    const positions = new Map(this.body.nodes.map((node) => [node.id, node.position]));
    const shapes = [
      ...(this.body.lanes ?? []).map((lane) =>
        lane.position
          ? shape(lane.id, { width: 600, height: 150, ...lane.position }, ' isHorizontal="true"')
          : '',
      ),
      ...this.body.nodes.map((node) =>
        node.position
          ? shape(
              node.id,
              { ...size(node.type), ...node.position },
              node.type === 'bpmn.subProcess' ? ' isExpanded="true"' : '',
            )
          : '',
      ),
      ...this.body.flows.map((flow) => edge(flow, positions.get(flow.source), positions.get(flow.target))),
      ...this.kept.map((kept) => kept.entry.diXml ?? ''),
    ];
    return `<bpmndi:BPMNDiagram id="${attr(this.freeId('BPMNDiagram_1'))}"><bpmndi:BPMNPlane id="${attr(this.freeId('BPMNPlane_1'))}" bpmnElement="${attr(plane)}">${shapes.join('')}</bpmndi:BPMNPlane>${(this.byContainer.get(diagramContainer) ?? []).join('')}</bpmndi:BPMNDiagram>`;
  }
}

const nameAttr = (name: string | undefined) => (name === undefined ? '' : ` name="${attr(name)}"`);

function shape(
  id: string,
  bounds: { x: number; y: number; width: number; height: number },
  extra: string,
): string {
  return `<bpmndi:BPMNShape id="${attr(`${id}_di`)}" bpmnElement="${attr(id)}"${extra}><dc:Bounds x="${bounds.x}" y="${bounds.y}" width="${bounds.width}" height="${bounds.height}" /></bpmndi:BPMNShape>`;
}

type Box = BpmnNode['position'];

/** A flow's edge by its waypoints, or centre to centre when it has none. */
function edge(flow: BpmnFlow, from: Box, to: Box): string {
  const centre = (box: NonNullable<Box>) => ({
    x: box.x + (box.width ?? 0) / 2,
    y: box.y + (box.height ?? 0) / 2,
  });
  const points = flow.waypoints?.length ? flow.waypoints : from && to ? [centre(from), centre(to)] : [];
  if (!points.length) return '';
  return `<bpmndi:BPMNEdge id="${attr(`${flow.id}_di`)}" bpmnElement="${attr(flow.id)}">${points
    .map((point) => `<di:waypoint x="${point.x}" y="${point.y}" />`)
    .join('')}</bpmndi:BPMNEdge>`;
}

function multiInstance(config: unknown): string {
  if (!config || typeof config !== 'object') return '';
  const mi = config as { mode?: string; completionCondition?: string };
  const condition = mi.completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escapeText(mi.completionCondition)}</bpmn:completionCondition>`
    : '';
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${mi.mode === 'sequential'}">${condition}</bpmn:multiInstanceLoopCharacteristics>`;
}

/** The definitions start tag with every namespace the export writes declared. */
function withNamespaces(open: string): string {
  const missing = Object.entries(namespaces)
    .filter(([prefix]) => !open.includes(` xmlns:${prefix}=`))
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return open.replace(/^<([^\s/>]+)/, (start) => start + missing);
}
