export type { BpmnBody } from './body-types.js';
export { type BpmnRefusal, BpmnRefusedError } from './bpmn-error.js';
export { exportBpmn } from './export-bpmn.js';
export { type BpmnImport, importBpmn } from './import-bpmn.js';
export { bpmnLimits } from './limits.js';
