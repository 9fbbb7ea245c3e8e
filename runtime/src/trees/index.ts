export {
  currentNode,
  indexNodes,
  type NodeIndex,
  startWalk,
  stepWalk,
  validPrefix,
  type WalkEffect,
  type WalkEvent,
  type WalkOutcome,
  type WalkState,
  type WalkStep,
} from './walk.js';
