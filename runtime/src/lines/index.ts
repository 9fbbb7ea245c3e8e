export * from './hours.js';
export { keywordOccurs, messageStems } from './message-words.js';
export * from './resume-text.js';
export * from './route.js';
export { textConditionsMatch, treePathStartsWith } from './rule-match.js';
export { russianStem } from './russian-stem.js';
export { isKnownTimeZone } from './zoned-time.js';
