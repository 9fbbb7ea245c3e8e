import type { ProcessBody } from '@opora/runtime/definitions';

/** A small approval process for the designer's tests: start → approval → gateway → end (approved) / end (rejected). */
export const sampleProcess = (): ProcessBody => ({
  schemaVersion: 2,
  title: { ru: 'Согласование договора' },
  nodes: [
    {
      id: 'start',
      type: 'bpmn.startEvent',
      typeVersion: 1,
      position: { x: 100, y: 120, width: 36, height: 36 },
      config: { trigger: 'none' },
    },
    {
      id: 'approve',
      type: 'opora.approvalTask',
      typeVersion: 1,
      name: 'Согласовать',
      position: { x: 200, y: 98, width: 100, height: 80 },
      config: {
        approvers: { kind: 'roles', value: 'supervisor' },
        mode: 'sequential',
        rule: 'all',
        fourEyes: true,
      },
    },
    {
      id: 'decide',
      type: 'bpmn.exclusiveGateway',
      typeVersion: 1,
      position: { x: 360, y: 113, width: 50, height: 50 },
      config: {},
    },
    {
      id: 'done',
      type: 'bpmn.endEvent',
      typeVersion: 1,
      position: { x: 470, y: 60, width: 36, height: 36 },
      config: { result: 'none' },
    },
    {
      id: 'refused',
      type: 'bpmn.endEvent',
      typeVersion: 1,
      position: { x: 470, y: 180, width: 36, height: 36 },
      config: { result: 'none' },
    },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'approve' },
    { id: 'f2', source: 'approve', target: 'decide' },
    { id: 'f3', source: 'decide', target: 'done', condition: 'outcome == "approved"' },
    { id: 'f4', source: 'decide', target: 'refused', isDefault: true },
  ],
});
