import type { ModdleElement } from 'bpmn-moddle';
import { executableTypes } from './body-types.js';
import { bpmnLimits, forbiddenNames } from './limits.js';
import { expressionBody, localName, many, one, text } from './moddle-access.js';
import { isoDurationSeconds, timeCycleToCron } from './timers.js';

/** A node the engine executes, or `undefined`: the element is kept as XML. `todo` names what the analyst must set. */
export type MappedNode = {
  type: string;
  config: Record<string, unknown>;
  todo?: 'assignee' | 'action' | 'process';
};

/**
 * Maps one BPMN flow node (not a boundary event: see mapBoundaryEvent) to a node type and config. A node Opora
 * exported carries its whole config in `<opora:config>` and is read back from it; other files are read from
 * BPMN itself, and whatever the engine cannot run as BPMN means it (a signal, a loop, a timer cron cannot say)
 * stays kept rather than run differently.
 */
export function mapFlowNode(element: ModdleElement): MappedNode | undefined {
  const own = oporaConfig(element);
  if (own) return own;
  if (one(element, 'loopCharacteristics')?.$type === 'bpmn:StandardLoopCharacteristics') return undefined;
  switch (element.$type) {
    case 'bpmn:StartEvent':
      return withEvent(element, startConfig(element));
    case 'bpmn:EndEvent':
      return withEvent(element, endConfig(element));
    case 'bpmn:IntermediateCatchEvent':
      return withEvent(element, catchConfig(element));
    case 'bpmn:IntermediateThrowEvent':
      return withEvent(element, throwConfig(element));
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:ParallelGateway':
    case 'bpmn:InclusiveGateway':
    case 'bpmn:EventBasedGateway':
      return noLoop(element) ? { type: `bpmn.${localName(element.$type)}`, config: {} } : undefined;
    case 'bpmn:UserTask':
      return userTask(element);
    case 'bpmn:ServiceTask':
      return noLoop(element)
        ? { type: 'bpmn.serviceTask', config: { action: 'script' }, todo: 'action' }
        : undefined;
    case 'bpmn:SubProcess':
      return subProcess(element);
    case 'bpmn:CallActivity':
      return callActivity(element);
    default:
      return undefined;
  }
}

/** A boundary event on a node: a timer with a duration, or an error; others (messages, escalations…) stay kept. */
export function mapBoundaryEvent(element: ModdleElement, attachedTo: string): MappedNode | undefined {
  const own = oporaConfig(element);
  if (own) return { ...own, config: { ...own.config, attachedTo } };
  const definition = soleDefinition(element);
  const interrupting = element.cancelActivity !== false;
  if (definition?.$type === 'bpmn:TimerEventDefinition') {
    const seconds = isoDurationSeconds(expressionBody(one(definition, 'timeDuration')) ?? '');
    if (seconds === undefined || one(definition, 'timeDate') || one(definition, 'timeCycle'))
      return undefined;
    return {
      type: 'bpmn.boundaryEvent',
      config: { attachedTo, kind: 'timer', interrupting, durationSeconds: seconds },
    };
  }
  if (definition?.$type === 'bpmn:ErrorEventDefinition')
    return {
      type: 'bpmn.boundaryEvent',
      config: { attachedTo, kind: 'error', interrupting, ...optional('errorCode', errorCode(definition)) },
    };
  return undefined;
}

type Config = Record<string, unknown> | undefined;

function withEvent(element: ModdleElement, config: Config): MappedNode | undefined {
  return config ? { type: `bpmn.${localName(element.$type)}`, config } : undefined;
}

function startConfig(element: ModdleElement): Config {
  if (many(element, 'eventDefinitions').length === 0)
    return noEventRefs(element) ? { trigger: 'none' } : undefined;
  const definition = soleDefinition(element);
  if (definition?.$type === 'bpmn:MessageEventDefinition')
    return { trigger: 'message', ...optional('message', messageName(definition)) };
  if (definition?.$type === 'bpmn:TimerEventDefinition') {
    const when = timerWhen(definition);
    return when && when.durationSeconds === undefined ? { trigger: 'timer', ...when } : undefined;
  }
  return undefined;
}

function endConfig(element: ModdleElement): Config {
  if (many(element, 'eventDefinitions').length === 0)
    return noEventRefs(element) ? { result: 'none' } : undefined;
  const definition = soleDefinition(element);
  if (definition?.$type === 'bpmn:TerminateEventDefinition') return { result: 'terminate' };
  if (definition?.$type === 'bpmn:ErrorEventDefinition')
    return { result: 'error', ...optional('errorCode', errorCode(definition)) };
  return undefined;
}

function catchConfig(element: ModdleElement): Config {
  const definition = soleDefinition(element);
  if (definition?.$type === 'bpmn:MessageEventDefinition')
    return { kind: 'message', ...optional('message', messageName(definition)) };
  if (definition?.$type === 'bpmn:TimerEventDefinition') {
    const when = timerWhen(definition);
    return when ? { kind: 'timer', ...when } : undefined;
  }
  return undefined;
}

function throwConfig(element: ModdleElement): Config {
  if (many(element, 'eventDefinitions').length === 0)
    return noEventRefs(element) ? { kind: 'none' } : undefined;
  const definition = soleDefinition(element);
  if (definition?.$type === 'bpmn:MessageEventDefinition')
    return { kind: 'message', ...optional('message', messageName(definition)) };
  return undefined;
}

function userTask(element: ModdleElement): MappedNode | undefined {
  const multiInstance = multiInstanceOf(element);
  if (multiInstance === null) return undefined;
  const owner = many(element, 'resources')
    .map((role) => text(one(role, 'resourceRef'), 'name'))
    .find((name) => name !== undefined);
  return {
    type: 'bpmn.userTask',
    config: {
      assignee: { kind: 'role', value: owner ?? 'operator' },
      ...optional('multiInstance', multiInstance),
    },
    ...(owner ? {} : { todo: 'assignee' as const }),
  };
}

function subProcess(element: ModdleElement): MappedNode | undefined {
  const multiInstance = multiInstanceOf(element);
  if (multiInstance === null || element.triggeredByEvent === true) return undefined;
  return { type: 'bpmn.subProcess', config: { ...optional('multiInstance', multiInstance) } };
}

const definitionKey = /^[a-z][a-z0-9_-]{0,62}$/;

function callActivity(element: ModdleElement): MappedNode | undefined {
  const multiInstance = multiInstanceOf(element);
  if (multiInstance === null) return undefined;
  const called = text(element, 'calledElement');
  const valid = called !== undefined && definitionKey.test(called);
  return {
    type: 'bpmn.callActivity',
    config: { process: valid ? called : 'process', ...optional('multiInstance', multiInstance) },
    ...(valid ? {} : { todo: 'process' as const }),
  };
}

/**
 * A multi-instance marker as the engine's config: undefined when there is none, null when it cannot be read
 * (no collection to iterate), so the element stays kept rather than run once.
 */
function multiInstanceOf(element: ModdleElement): Record<string, unknown> | undefined | null {
  const loop = one(element, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return null;
  const collection =
    text(one(loop, 'loopDataInputRef'), 'name') ??
    text(one(loop, 'loopDataInputRef'), 'id') ??
    loop.$attrs?.['camunda:collection'];
  const item = text(one(loop, 'inputDataItem'), 'name') ?? loop.$attrs?.['camunda:elementVariable'] ?? 'item';
  if (!collection) return null;
  return {
    mode: loop.isSequential === true ? 'sequential' : 'parallel',
    collection,
    element: item,
    ...optional('completionCondition', expressionBody(one(loop, 'completionCondition'))),
  };
}

/** When a timer fires, in the engine's fields; undefined when cron cannot say it. */
function timerWhen(definition: ModdleElement): Record<string, unknown> | undefined {
  const duration = expressionBody(one(definition, 'timeDuration'));
  const date = expressionBody(one(definition, 'timeDate'));
  const cycle = expressionBody(one(definition, 'timeCycle'));
  if ([duration, date, cycle].filter(Boolean).length !== 1) return undefined;
  if (duration !== undefined) {
    const seconds = isoDurationSeconds(duration);
    return seconds === undefined ? undefined : { durationSeconds: seconds };
  }
  if (date !== undefined) return date.length <= 100 ? { timeDate: date } : undefined;
  const cron = timeCycleToCron(cycle ?? '');
  return cron ? { cron } : undefined;
}

function soleDefinition(element: ModdleElement): ModdleElement | undefined {
  const definitions = many(element, 'eventDefinitions');
  return definitions.length === 1 && noEventRefs(element) ? definitions[0] : undefined;
}

const noEventRefs = (element: ModdleElement) => many(element, 'eventDefinitionRef').length === 0;
const noLoop = (element: ModdleElement) => !one(element, 'loopCharacteristics');

const messageName = (definition: ModdleElement) =>
  limit(text(one(definition, 'messageRef'), 'name') ?? text(one(definition, 'messageRef'), 'id'), 200);

const errorCode = (definition: ModdleElement) =>
  limit(text(one(definition, 'errorRef'), 'errorCode') ?? text(one(definition, 'errorRef'), 'name'), 200);

const limit = (value: string | undefined, max: number) => (value ? value.slice(0, max) : undefined);

const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });

/** The config Opora wrote into `<opora:config>`, when it is there and reads as a config of a known type. */
function oporaConfig(element: ModdleElement): MappedNode | undefined {
  const extension = many(one(element, 'extensionElements'), 'values').find(
    (value) => value.$type === 'opora:Config',
  );
  const json = text(extension, 'value');
  if (!extension || !json || json.length > bpmnLimits.maxConfigChars) return undefined;
  const type = text(extension, 'type') ?? `bpmn.${localName(element.$type)}`;
  if (!executableTypes.has(type)) return undefined;
  const config = safeJsonObject(json);
  return config ? { type, config } : undefined;
}

/** JSON parsed into a plain object, or undefined; keys JavaScript treats specially make it unreadable. */
export function safeJsonObject(json: string): Record<string, unknown> | undefined {
  let poisoned = false;
  let value: unknown;
  try {
    value = JSON.parse(json, (key, item: unknown) => {
      if (forbiddenNames.has(key)) poisoned = true;
      return item;
    });
  } catch {
    return undefined;
  }
  if (poisoned || !value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}
