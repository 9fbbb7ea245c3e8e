import type { EntityField } from '@opora/runtime/definitions';

/** What every field widget gets: the field, its value, and how to change it; ids tie it to its label and errors. */
export interface WidgetProps<F extends EntityField = EntityField> {
  field: F;
  value: unknown;
  onChange(value: unknown): void;
  /** The input's id (the label points at it). */
  id: string;
  /** Ids of the help and error texts describing the input. */
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
  /** The value the saved record holds (status fields offer only the moves from it). */
  original: unknown;
  /** The data type being edited (file uploads name it). */
  entityKey: string;
  /** Accessible name where no visible label points at the input (table cells). */
  label?: string;
}

export type FieldOf<T extends EntityField['type']> = Extract<EntityField, { type: T }>;

export const aria = (p: WidgetProps) => ({
  id: p.id,
  'aria-label': p.label,
  'aria-describedby': p.describedBy,
  'aria-invalid': p.invalid || undefined,
  'aria-required': p.required || undefined,
});
