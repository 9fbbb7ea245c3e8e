import type { LineRule } from '../definitions/line/schema.js';
import { compileSafePattern } from '../definitions/safe-regexp.js';
import { keywordOccurs, messageStems, routedTextLimit } from './message-words.js';
import type { DialogFacts } from './route.js';

type Matcher = { test(text: string): boolean };

// Compiled RE2 patterns by their text: published lines are few, so the cache stays small; cleared if it grows.
const patterns = new Map<string, Matcher | null>();
const maxCachedPatterns = 1000;

/** The pattern on RE2 (never a JS RegExp on client text); null when it does not compile (refused on publish). */
function compiled(pattern: string): Matcher | null {
  let matcher = patterns.get(pattern);
  if (matcher !== undefined) return matcher;
  try {
    matcher = compileSafePattern(pattern);
  } catch {
    matcher = null;
  }
  if (patterns.size >= maxCachedPatterns) patterns.clear();
  patterns.set(pattern, matcher);
  return matcher;
}

/** The dialog as routing reads it: its first message's stems are worked out once for every rule. */
export interface RoutedDialog {
  facts: DialogFacts;
  stems: readonly string[];
}

export const routedDialog = (facts: DialogFacts): RoutedDialog => ({
  facts,
  stems: messageStems(facts.text),
});

/** A '/'-separated path as its segments, ignoring leading, trailing and doubled slashes. */
const segments = (path: string): string[] => path.split('/').filter(Boolean);

/** Whether the walked path starts with the rule's path, segment by segment («billing» takes «billing/refund»). */
export function treePathStartsWith(walked: string, prefix: string): boolean {
  const want = segments(prefix);
  const have = segments(walked);
  return want.length > 0 && want.length <= have.length && want.every((s, i) => have[i] === s);
}

/** A client attribute equals the text: scalars as written, a list when one of its items does. */
function attributeEquals(value: unknown, equals: string): boolean {
  if (Array.isArray(value)) return value.some((item) => attributeEquals(item, equals));
  if (typeof value === 'string') return value.trim() === equals.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value) === equals.trim();
  return false;
}

/** Whether every condition the rule gives holds for the dialog (a rule with none matches every dialog). */
export function ruleMatches(rule: LineRule, dialog: RoutedDialog): boolean {
  const { facts, stems } = dialog;
  if (rule.channels && !rule.channels.includes(facts.channelKey)) return false;
  if (rule.keywords && !rule.keywords.some((keyword) => keywordOccurs(keyword, stems))) return false;
  if (rule.pattern !== undefined && !compiled(rule.pattern)?.test(facts.text.slice(0, routedTextLimit)))
    return false;
  if (rule.language && facts.language !== rule.language) return false;
  if (rule.formField) {
    const value = facts.formFields?.[rule.formField.field];
    if (value === undefined || !attributeEquals(value, rule.formField.equals)) return false;
  }
  if (rule.treePath !== undefined && !(facts.treePath && treePathStartsWith(facts.treePath, rule.treePath)))
    return false;
  if (rule.clientAttribute) {
    const value = facts.clientAttributes?.[rule.clientAttribute.field];
    if (!attributeEquals(value, rule.clientAttribute.equals)) return false;
  }
  return true;
}

/**
 * Whether the rule's text conditions (keywords, pattern) hold for a message, the rest left out: what the line
 * designer's tester shows while the analyst types a sample first message.
 */
export function textConditionsMatch(rule: LineRule, text: string): boolean {
  if (rule.keywords === undefined && rule.pattern === undefined) return false;
  const textOnly: LineRule = { id: rule.id, keywords: rule.keywords, pattern: rule.pattern };
  return ruleMatches(textOnly, routedDialog({ channelKey: '', text }));
}
