import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../../definitions/common-schemas.js';
import { ExpressionSource, type NodeProblem, variableNamePattern } from '../node-shape.js';

/**
 * Runs an activity once per item of `collection` (an expression giving a list), in parallel or one after another;
 * each run sees its item as `element`. `completionCondition` (over `nrOfInstances`, `nrOfCompletedInstances`,
 * `nrOfActiveInstances`) ends it early, cancelling the runs still open. The schema lets a draft hold an empty
 * collection or a misspelt element name (the designer shows them as the analyst types); {@link multiInstanceProblems}
 * names them, so such a process is not published.
 */
export const MultiInstanceSchema = Strict({
  mode: literals(['parallel', 'sequential']),
  collection: Type.String({ maxLength: 2000 }),
  element: Type.String({ maxLength: 200 }),
  completionCondition: Type.Optional(ExpressionSource),
});
export type MultiInstance = Static<typeof MultiInstanceSchema>;

export const multiInstanceReads = (mi: MultiInstance | undefined) =>
  mi
    ? [
        ...(mi.collection.trim()
          ? [{ pointer: '/config/multiInstance/collection', expression: mi.collection }]
          : []),
        ...(mi.completionCondition
          ? [{ pointer: '/config/multiInstance/completionCondition', expression: mi.completionCondition }]
          : []),
      ]
    : [];

const variableName = new RegExp(variableNamePattern);

/** What keeps a multi-instance activity from running: no list to go through, or an element name no expression can read. */
export function multiInstanceProblems(mi: MultiInstance | undefined): NodeProblem[] {
  if (!mi) return [];
  const problems: NodeProblem[] = [];
  if (!mi.collection.trim())
    problems.push({
      pointer: '/config/multiInstance/collection',
      code: 'required',
      ru: 'не указан список, для каждого элемента которого выполняется действие',
      en: 'no list is given to run it for each item of',
    });
  if (!mi.element)
    problems.push({
      pointer: '/config/multiInstance/element',
      code: 'required',
      ru: 'не указано имя переменной для элемента списка',
      en: 'no variable name is given for the list item',
    });
  else if (!variableName.test(mi.element))
    problems.push({
      pointer: '/config/multiInstance/element',
      code: 'pattern',
      ru: `«${mi.element}» не годится как имя переменной для элемента: латинские буквы, цифры и _, не с цифры, до 64 знаков`,
      en: `"${mi.element}" cannot name the item's variable: Latin letters, digits and _, not starting with a digit, up to 64 characters`,
    });
  return problems;
}
