import { BpmnModdle, type Moddle } from 'bpmn-moddle';

/** Opora's own BPMN extension namespace: node configs and the process's settings travel in it. */
export const oporaUri = 'https://opora.dev/schema/bpmn/1.0';

/**
 * `<opora:config type="opora.approvalTask">{json}</opora:config>` in a node's extensionElements carries its
 * whole config (and, for an approval task, its type); `<opora:process>{json}</opora:process>` the process's
 * title, entity and variables.
 */
const oporaPackage = {
  name: 'Opora',
  prefix: 'opora',
  uri: oporaUri,
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'Config',
      superClass: ['Element'],
      properties: [
        { name: 'type', isAttr: true, type: 'String' },
        { name: 'value', isBody: true, type: 'String' },
      ],
    },
    {
      name: 'Process',
      superClass: ['Element'],
      properties: [{ name: 'value', isBody: true, type: 'String' }],
    },
  ],
};

/** A parser that knows BPMN, its DI and Opora's extension; made per call, since moddle keeps state per parse. */
export const createModdle = (): Moddle => BpmnModdle({ opora: oporaPackage });
