import type { EntityField, FieldType } from '@opora/runtime/definitions';
import type { ComponentType } from 'react';
import { RelationWidget } from './RelationWidget';
import { scalarWidgets } from './scalar-widgets';
import { TableWidget } from './TableWidget';
import type { FieldOf, WidgetProps } from './widget-props';

/** One editing widget per field type; the `satisfies` makes a new field type a compile error until it has one. */
const widgets = {
  ...scalarWidgets,
  relation: RelationWidget,
  table: TableWidget,
} satisfies { [T in FieldType]: ComponentType<WidgetProps<FieldOf<T>>> };

export const widgetFor = (field: EntityField): ComponentType<WidgetProps> =>
  widgets[field.type] as ComponentType<WidgetProps>;
