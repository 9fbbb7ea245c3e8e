/** Limits a BPMN file must keep before it is parsed at all (see refuse-hostile.ts) and after. */
export const bpmnLimits = {
  /** Bytes of XML; checked before parsing. */
  maxBytes: 5 * 1024 * 1024,
  /** Element nesting; BPMN nests a few levels per sub-process, so 100 is far beyond real files. */
  maxDepth: 100,
  /** XML elements of any kind (DI waypoints included): 5,000 flows with their DI stay well below. */
  maxElements: 100_000,
  /** An element or attribute name, prefix included. */
  maxNameChars: 1000,
  /** The process schema's limits. */
  maxNodes: 2000,
  maxFlows: 5000,
  /** One kept element's XML. */
  maxKeptChars: 200 * 1024,
  /** One Opora config extension (JSON). */
  maxConfigChars: 100 * 1024,
} as const;

/** Names JavaScript objects treat specially; refused as ids, references, attribute or element names. */
export const forbiddenNames: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
