import { type MultiInstance, variableNamePattern } from '@opora/runtime/processes';

/** What turning «for each item of a list» on gives: parallel runs, each seeing its item as `item`; the list is for the analyst to write. */
export const defaultMultiInstance = (): MultiInstance => ({
  mode: 'parallel',
  collection: '',
  element: 'item',
});

/** The setting after the checkbox: a default when turned on (an existing one is kept), nothing when off. */
export const toggledMultiInstance = (
  current: MultiInstance | undefined,
  on: boolean,
): MultiInstance | undefined => (on ? (current ?? defaultMultiInstance()) : undefined);

/** The setting with some fields changed; a cleared completion condition is dropped, not stored as ''. */
export function editedMultiInstance(current: MultiInstance, patch: Partial<MultiInstance>): MultiInstance {
  const next = { ...current, ...patch };
  if (!next.completionCondition?.trim()) delete next.completionCondition;
  return next;
}

const variableName = new RegExp(variableNamePattern);

/** Why `name` cannot be the item's variable (the i18n key under `processDesigner.multi`), or null when it can. */
export const elementNameProblem = (name: string): 'elementRequired' | 'elementInvalid' | null =>
  !name ? 'elementRequired' : variableName.test(name) ? null : 'elementInvalid';
