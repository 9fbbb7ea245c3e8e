import { definitionKinds } from '@opora/runtime/definitions';
import type { DefinitionKind } from '@opora/sdk';

/** The designer's navigation follows the runtime's order of definition kinds. */
export const kinds: readonly DefinitionKind[] = definitionKinds;

export const isKind = (value: string): value is DefinitionKind =>
  (kinds as readonly string[]).includes(value);
