import type { Locale, Problem, ProcessBody } from '@opora/runtime/definitions';
import { validateDefinitionBody } from '@opora/runtime/definitions';
import type { Moddle, ModdleElement } from 'bpmn-moddle';
import type { BpmnBody, BpmnBounds, BpmnFlow, BpmnKept, BpmnNode } from './body-types.js';
import { refuse } from './bpmn-error.js';
import { definitionsContainer, diagramContainer, markKept, unescapeXml } from './kept-marks.js';
import { layoutComputed, layoutIfMissing, placeInLayers } from './layout.js';
import { bpmnLimits } from './limits.js';
import { type MappedNode, mapBoundaryEvent, mapFlowNode, safeJsonObject } from './map-node.js';
import { expressionBody, localName, many, one, text } from './moddle-access.js';
import { parseBpmn } from './parse-bpmn.js';
import { fragment, without } from './serialize.js';
import { attributesOf, splitElement } from './xml-fragments.js';

export interface BpmnImport {
  body: ProcessBody;
  /**
   * What the analyst should look at: the import's notes (placeholders set, ids renamed, a layout computed), then
   * what the process definition's own checks say (kept elements connected to the graph, dead ends…), which
   * publish would refuse.
   */
  problems: Problem[];
}

/** Properties of an element the body holds itself, so a node's kept extras leave them out. */
const nodeOwnProperties = new Set([
  'id',
  'name',
  'incoming',
  'outgoing',
  'lanes',
  'eventDefinitions',
  'loopCharacteristics',
  'flowElements',
  'artifacts',
  'laneSets',
  'attachedToRef',
  'cancelActivity',
  'default',
  'calledElement',
  'extensionElements',
  'triggeredByEvent',
]);
const flowOwnProperties = new Set([
  'id',
  'name',
  'sourceRef',
  'targetRef',
  'conditionExpression',
  'extensionElements',
]);

/**
 * Reads a BPMN 2.0 file into a process body: the (first participant's) process's executable elements become
 * nodes and flows with their DI positions, and everything else — other pools' processes, participants, message
 * flows, annotations, data objects, events the engine does not run — is kept as XML with its DI, to come back
 * unchanged on export. Hostile or oversized files are refused with a BpmnRefusedError.
 */
export async function importBpmn(xml: string, locale: Locale): Promise<BpmnImport> {
  const laidOut = await layoutIfMissing(xml, locale);
  const { moddle, definitions } = await parseBpmn(laidOut.xml, locale);
  const reader = new BpmnReader(moddle, definitions, locale);
  const body = await reader.read();
  const hadDiagram = body.nodes.some((node) => node.position);
  const placed = placeInLayers(body) && !hadDiagram && laidOut.problems.length === 0;
  return {
    // The schema's node union is checked right below: every problem it finds is handed back.
    body: body as unknown as ProcessBody,
    problems: [
      ...laidOut.problems,
      ...(placed ? [layoutComputed(locale)] : []),
      ...reader.problems,
      ...validateDefinitionBody('process', body, locale),
    ],
  };
}

class BpmnReader {
  readonly problems: Problem[] = [];
  private readonly nodes: BpmnNode[] = [];
  private readonly flows: BpmnFlow[] = [];
  private readonly kept: BpmnKept[] = [];
  private readonly lanes: NonNullable<BpmnBody['lanes']> = [];
  private readonly di = new Map<string, ModdleElement[]>();
  private readonly ids = new Map<string, string>();
  private readonly usedIds = new Set<string>();
  private readonly nodeIds = new Set<string>();
  private readonly keptIds = new Set<string>();
  /** The file's DI shape ids of nodes: the export writes those shapes anew, under other ids. */
  private readonly nodeShapeIds = new Set<string>();
  /** The file's prefix declarations, lent to each kept fragment (see fragment()). */
  private readonly namespaces: Record<string, string>;

  constructor(
    private readonly moddle: Moddle,
    private readonly definitions: ModdleElement,
    private readonly locale: Locale,
  ) {
    this.namespaces = Object.fromEntries(
      Object.entries(definitions.$attrs ?? {}).filter(([key]) => key.startsWith('xmlns:')),
    );
  }

  async read(): Promise<BpmnBody> {
    this.indexDi();
    const roots = many(this.definitions, 'rootElements');
    const collaboration = roots.find((root) => root.$type === 'bpmn:Collaboration');
    const process = this.mainProcess(roots, collaboration);
    await this.keepShell(
      this.definitions,
      definitionsContainer,
      new Set(['rootElements', 'diagrams']),
      false,
    );
    for (const root of roots) {
      if (root === process || root === collaboration) continue;
      await this.keep(root, definitionsContainer);
    }
    if (collaboration) {
      await this.keepShell(
        collaboration,
        definitionsContainer,
        new Set(['participants', 'messageFlows', 'artifacts']),
      );
      for (const child of [
        ...many(collaboration, 'participants'),
        ...many(collaboration, 'messageFlows'),
        ...many(collaboration, 'artifacts'),
      ])
        await this.keep(child, collaboration.id ?? '');
    }
    await this.keepShell(
      process,
      definitionsContainer,
      new Set(['flowElements', 'artifacts', 'laneSets', 'extensionElements']),
      true,
    );
    await this.keepLabelStyles();
    this.readLanes(process);
    await this.readContainer(process, undefined);
    this.checkCounts();
    this.forgetNodeShapes();
    return this.body(process);
  }

  private mainProcess(roots: ModdleElement[], collaboration: ModdleElement | undefined): ModdleElement {
    const fromParticipant = many(collaboration, 'participants')
      .map((participant) => one(participant, 'processRef'))
      .find((process) => process !== undefined);
    const process = fromParticipant ?? roots.find((root) => root.$type === 'bpmn:Process');
    if (!process)
      throw refuse(this.locale, 'no_process', 'В файле нет процесса (process)', 'The file has no process');
    return process;
  }

  private body(process: ModdleElement): BpmnBody {
    const settings = this.processSettings(process);
    const title = settings.title ?? {
      ru:
        (text(process, 'name') ?? text(this.definitions, 'name') ?? process.id ?? 'BPMN').slice(0, 2000) ||
        'BPMN',
    };
    return {
      schemaVersion: 2,
      title,
      ...(settings.entity ? { entity: settings.entity } : {}),
      ...(settings.variables ? { variables: settings.variables } : {}),
      nodes: this.nodes,
      flows: this.flows,
      ...(this.lanes.length ? { lanes: this.lanes } : {}),
      ...(this.kept.length ? { kept: this.kept } : {}),
    };
  }

  /** Title, entity and variables Opora wrote into `<opora:process>`, when the file came from Opora. */
  private processSettings(process: ModdleElement): Pick<Partial<BpmnBody>, 'title' | 'entity' | 'variables'> {
    const extension = many(one(process, 'extensionElements'), 'values').find(
      (value) => value.$type === 'opora:Process',
    );
    const json = text(extension, 'value');
    const settings = json && json.length <= bpmnLimits.maxConfigChars ? safeJsonObject(json) : undefined;
    if (!settings) return {};
    const title = settings.title as BpmnBody['title'] | undefined;
    return {
      ...(title && typeof title.ru === 'string' ? { title } : {}),
      ...(typeof settings.entity === 'string' ? { entity: settings.entity } : {}),
      ...(Array.isArray(settings.variables)
        ? { variables: settings.variables as BpmnBody['variables'] }
        : {}),
    };
  }

  /** Nodes, flows and kept elements of a process or an embedded sub-process, recursively. */
  private async readContainer(container: ModdleElement, parent: string | undefined): Promise<void> {
    const containerId = parent ?? container.id ?? '';
    const boundaries: ModdleElement[] = [];
    const flows: ModdleElement[] = [];
    for (const element of many(container, 'flowElements')) {
      if (element.$type === 'bpmn:SequenceFlow') flows.push(element);
      else if (element.$type === 'bpmn:BoundaryEvent') boundaries.push(element);
      else if (element.$instanceOf('bpmn:FlowNode')) await this.readFlowNode(element, parent, containerId);
      else await this.keep(element, containerId);
    }
    for (const element of boundaries) {
      const host = one(element, 'attachedToRef');
      const attachedTo = host?.id ? this.ids.get(host.id) : undefined;
      const mapped =
        attachedTo && this.nodeIds.has(attachedTo) ? mapBoundaryEvent(element, attachedTo) : undefined;
      if (mapped) await this.addNode(element, mapped, parent);
      else await this.keep(element, containerId);
    }
    for (const element of flows) await this.readFlow(element, containerId);
    for (const artifact of many(container, 'artifacts')) await this.keep(artifact, containerId);
  }

  private async readFlowNode(element: ModdleElement, parent: string | undefined, containerId: string) {
    const mapped = mapFlowNode(element);
    if (!mapped) return this.keep(element, containerId);
    const id = await this.addNode(element, mapped, parent);
    if (mapped.type === 'bpmn.subProcess') {
      for (const laneSet of many(element, 'laneSets')) await this.keep(laneSet, id);
      await this.readContainer(element, id);
    }
  }

  private async addNode(
    element: ModdleElement,
    mapped: MappedNode,
    parent: string | undefined,
  ): Promise<string> {
    const id = this.idOf(element, `/nodes/${this.nodes.length}/id`);
    const node: BpmnNode = { id, type: mapped.type, typeVersion: 1, config: mapped.config };
    const name = this.nameOf(element, `/nodes/${this.nodes.length}/name`);
    if (name !== undefined) node.name = name;
    const position = this.boundsOf(element);
    if (position) node.position = position;
    for (const shape of this.di.get(element.id ?? '') ?? []) if (shape.id) this.nodeShapeIds.add(shape.id);
    if (parent) node.parent = parent;
    const lane = this.laneOf.get(element.id ?? '');
    if (lane) node.lane = lane;
    if (mapped.todo) this.todo(mapped.todo, id);
    this.nodeIds.add(id);
    this.nodes.push(node);
    await this.keepExtras(element, id, nodeOwnProperties);
    return id;
  }

  /**
   * A sequence flow between nodes is a flow; one between a node and a kept element is a flow too, so publish
   * names the kept element it connects (the engine's `kept_connected`); one between kept elements is kept.
   */
  private async readFlow(element: ModdleElement, containerId: string): Promise<void> {
    const source = this.flowEnd(one(element, 'sourceRef'));
    const target = this.flowEnd(one(element, 'targetRef'));
    if (!source || !target || (!this.nodeIds.has(source) && !this.nodeIds.has(target)))
      return this.keep(element, containerId);
    const pointer = `/flows/${this.flows.length}`;
    const flow: BpmnFlow = { id: this.idOf(element, `${pointer}/id`), source, target };
    const name = this.nameOf(element, `${pointer}/name`);
    if (name !== undefined) flow.name = name;
    const condition = expressionBody(one(element, 'conditionExpression'));
    if (condition !== undefined) {
      if (condition.length <= 2000) flow.condition = condition;
      else
        this.note(
          `${pointer}/condition`,
          'condition_too_long',
          `Условие потока «${flow.id}» длиннее 2000 символов и не перенесено`,
          `The condition of flow "${flow.id}" is over 2000 characters and was left out`,
        );
    }
    if (one(one(element, 'sourceRef'), 'default') === element) flow.isDefault = true;
    const waypoints = this.waypointsOf(element);
    if (waypoints) flow.waypoints = waypoints;
    this.flows.push(flow);
    await this.keepExtras(element, flow.id, flowOwnProperties);
  }

  /** A flow's end as the body names it: a node's id, or a kept element's own id when the schema accepts it. */
  private flowEnd(end: ModdleElement | undefined): string | undefined {
    const id = end?.id;
    if (!id) return undefined;
    const node = this.ids.get(id);
    if (node && this.nodeIds.has(node)) return node;
    return this.keptIds.has(id) && /^[A-Za-z0-9_-]{1,64}$/.test(id) && !this.usedIds.has(id) ? id : undefined;
  }

  // Lanes -----------------------------------------------------------------------------------------------

  private readonly laneOf = new Map<string, string>();

  /** Lanes flattened (a child lane after its parent, so a node lands in the innermost lane). */
  private readLanes(process: ModdleElement): void {
    const visit = (laneSet: ModdleElement | undefined) => {
      for (const lane of many(laneSet, 'lanes')) {
        const id = this.idOf(lane, `/lanes/${this.lanes.length}/id`);
        const entry: NonNullable<BpmnBody['lanes']>[number] = { id };
        const name = this.nameOf(lane, `/lanes/${this.lanes.length}/name`);
        if (name !== undefined) entry.name = name;
        const position = this.boundsOf(lane);
        if (position) entry.position = position;
        if (this.lanes.length < 100) this.lanes.push(entry);
        for (const node of many(lane, 'flowNodeRef')) if (node.id) this.laneOf.set(node.id, id);
        visit(one(lane, 'childLaneSet'));
      }
    };
    for (const laneSet of many(process, 'laneSets')) visit(laneSet);
  }

  // Kept elements ---------------------------------------------------------------------------------------

  /** An element the engine does not run, whole, with the DI of it and everything inside it. */
  private async keep(element: ModdleElement, container: string): Promise<void> {
    const xml = markKept(await fragment(this.moddle, element, this.namespaces), { container });
    await this.pushKept(
      element.id ?? `${localName(element.$type)}-${this.kept.length + 1}`,
      localName(element.$type),
      xml,
      element,
    );
  }

  /** A container's own XML without the children the body or other kept entries hold. */
  private async keepShell(
    element: ModdleElement,
    container: string,
    children: ReadonlySet<string>,
    dropOpora = false,
  ) {
    const { copy } = without(this.moddle, element, children);
    if (dropOpora) {
      const others = many(one(element, 'extensionElements'), 'values').filter(
        (value) => !value.$type.startsWith('opora:'),
      );
      if (others.length)
        copy.set('extensionElements', this.moddle.create('bpmn:ExtensionElements', { values: others }));
    }
    const xml = markKept(await fragment(this.moddle, copy, this.namespaces), { container, shell: true });
    const ownDi = element.$type === 'bpmn:Definitions' ? [] : (this.di.get(element.id ?? '') ?? []);
    await this.pushKept(
      element.id ?? localName(element.$type),
      localName(element.$type),
      xml,
      undefined,
      ownDi,
    );
  }

  /** What a node or flow has beyond what the body holds (documentation, data associations, other tools' extensions). */
  private async keepExtras(element: ModdleElement, id: string, own: ReadonlySet<string>): Promise<void> {
    const { copy, hasMore } = without(this.moddle, element, own);
    const others = many(one(element, 'extensionElements'), 'values').filter(
      (value) => !value.$type.startsWith('opora:'),
    );
    if (others.length)
      copy.set('extensionElements', this.moddle.create('bpmn:ExtensionElements', { values: others }));
    if (!hasMore && !others.length) return;
    const written = await fragment(this.moddle, copy, this.namespaces);
    const { open, inner } = splitElement(written);
    if (!inner && attributesOf(open).every(([key]) => key.startsWith('xmlns'))) return;
    // The DI of what is inside (a data association's edge); the node's own shape is the body's position.
    const di = this.diWithin(copy);
    await this.pushKept(
      `${id}:extras`,
      `extras:${localName(element.$type)}`,
      markKept(written, { container: id, shell: true }),
      undefined,
      di,
    );
  }

  private async pushKept(
    id: string,
    bpmnType: string,
    xml: string,
    element: ModdleElement | undefined,
    di: ModdleElement[] = element ? this.diWithin(element) : [],
  ): Promise<void> {
    const diXml = (await Promise.all(di.map((shape) => fragment(this.moddle, shape, this.namespaces)))).join(
      '',
    );
    for (const [what, size] of [
      ['XML', xml.length],
      ['DI', diXml.length],
    ] as const)
      if (size > bpmnLimits.maxKeptChars)
        throw refuse(
          this.locale,
          'kept_too_large',
          `${what} элемента «${id}» больше ${bpmnLimits.maxKeptChars / 1024} КБ`,
          `The ${what} of element "${id}" is over ${bpmnLimits.maxKeptChars / 1024} KB`,
        );
    this.kept.push({ id, bpmnType, xml, ...(diXml ? { diXml } : {}) });
    this.keptIds.add(id);
  }

  // DI ---------------------------------------------------------------------------------------------------

  /** Label styles live in the diagram, beside the plane; labels refer to them by id. */
  private async keepLabelStyles(): Promise<void> {
    for (const diagram of many(this.definitions, 'diagrams'))
      for (const style of many(diagram, 'labelStyle'))
        await this.pushKept(
          style.id ?? `labelStyle-${this.kept.length + 1}`,
          'BPMNLabelStyle',
          markKept(await fragment(this.moddle, style, this.namespaces), { container: diagramContainer }),
          undefined,
          [],
        );
  }

  private indexDi(): void {
    for (const diagram of many(this.definitions, 'diagrams'))
      for (const shape of many(one(diagram, 'plane'), 'planeElement')) {
        const target = one(shape, 'bpmnElement')?.id;
        if (!target) continue;
        const list = this.di.get(target) ?? [];
        list.push(shape);
        this.di.set(target, list);
      }
  }

  /** The DI of an element and of everything inside it (a pool's process, a kept sub-process's children). */
  private diWithin(element: ModdleElement): ModdleElement[] {
    const found: ModdleElement[] = [];
    const seen = new Set<ModdleElement>();
    const visit = (current: ModdleElement) => {
      if (seen.has(current)) return;
      seen.add(current);
      if (current.id) found.push(...(this.di.get(current.id) ?? []));
      for (const { name, isReference } of current.$descriptor?.properties ?? []) {
        if (isReference) continue;
        const value = current[name];
        for (const child of Array.isArray(value) ? value : [value])
          if (child && typeof child === 'object' && '$type' in child) visit(child as ModdleElement);
      }
    };
    visit(element);
    return found;
  }

  /**
   * A kept edge may name the shapes it joins (`sourceElement`, optional in BPMN DI); a node's shape is written
   * anew on export, so the kept edge stops naming it rather than name a shape that is gone.
   */
  private forgetNodeShapes(): void {
    for (const kept of this.kept)
      if (kept.diXml?.includes('Element="'))
        kept.diXml = kept.diXml.replace(
          / (sourceElement|targetElement)="([^"]*)"/g,
          (whole, _: string, id: string) => (this.nodeShapeIds.has(unescapeXml(id)) ? '' : whole),
        );
  }

  private boundsOf(element: ModdleElement): BpmnBounds | undefined {
    const shape = (this.di.get(element.id ?? '') ?? []).find((di) => di.$type === 'bpmndi:BPMNShape');
    const bounds = one(shape, 'bounds');
    if (!bounds) return undefined;
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((key) => Number(bounds[key] ?? 0));
    return { x: x ?? 0, y: y ?? 0, width: width ?? 0, height: height ?? 0 };
  }

  private waypointsOf(element: ModdleElement): { x: number; y: number }[] | undefined {
    const edge = (this.di.get(element.id ?? '') ?? []).find((di) => di.$type === 'bpmndi:BPMNEdge');
    const points = many(edge, 'waypoint').map((point) => ({
      x: Number(point.x ?? 0),
      y: Number(point.y ?? 0),
    }));
    return points.length ? points.slice(0, 200) : undefined;
  }

  // Ids, names, notes -----------------------------------------------------------------------------------

  /** The element's id when the schema accepts it, else a safe one (noted), the same for every reference to it. */
  private idOf(element: ModdleElement, pointer: string): string {
    const original = element.id ?? '';
    const known = this.ids.get(original);
    if (known) return known;
    let id = original;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || this.usedIds.has(id)) {
      const base = (
        original.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56) || localName(element.$type)
      ).replace(/^_*$/, 'id');
      id = base;
      for (let n = 2; this.usedIds.has(id); n++) id = `${base}_${n}`;
      this.note(
        pointer,
        'id_renamed',
        `Идентификатор «${original}» заменён на «${id}»`,
        `The id "${original}" became "${id}"`,
      );
    }
    if (original) this.ids.set(original, id);
    this.usedIds.add(id);
    return id;
  }

  private nameOf(element: ModdleElement, pointer: string): string | undefined {
    const name = text(element, 'name');
    if (name === undefined || name.length <= 500) return name;
    this.note(
      pointer,
      'name_cut',
      `Имя «${name.slice(0, 40)}…» сокращено до 500 символов`,
      `The name "${name.slice(0, 40)}…" was cut to 500 characters`,
    );
    return name.slice(0, 500);
  }

  private todo(what: NonNullable<MappedNode['todo']>, id: string): void {
    const pointer = `/nodes/${this.nodes.length}/config`;
    if (what === 'assignee')
      this.note(
        pointer,
        'assignee_placeholder',
        `Задаче «${id}» назначена роль operator: выберите исполнителя`,
        `Task "${id}" went to the operator role: choose who does it`,
      );
    else if (what === 'action')
      this.note(
        pointer,
        'action_placeholder',
        `Для служебной задачи «${id}» выберите действие`,
        `Choose what service task "${id}" does`,
      );
    else
      this.note(
        pointer,
        'process_placeholder',
        `Для вызова «${id}» выберите процесс`,
        `Choose the process call activity "${id}" starts`,
      );
  }

  private note(pointer: string, code: string, ru: string, en: string): void {
    this.problems.push({ pointer, code, message: this.locale === 'en' ? en : ru });
  }

  private checkCounts(): void {
    const over = (what: string, count: number, max: number) => {
      if (count > max)
        throw refuse(
          this.locale,
          'too_many_elements',
          `Слишком много: ${what} ${count}, можно ${max}`,
          `Too many ${what}: ${count}, at most ${max}`,
        );
    };
    over('nodes', this.nodes.length, bpmnLimits.maxNodes);
    over('flows', this.flows.length, bpmnLimits.maxFlows);
    over('kept', this.kept.length, 2000);
  }
}
