import type { FieldType } from '@opora/runtime/definitions';
import type { ComponentType } from 'react';
import { BooleanWidget } from './BooleanWidget';
import { DateWidget } from './DateWidget';
import { EnumWidget } from './EnumWidget';
import { FileWidget } from './FileWidget';
import { NumberWidget } from './NumberWidget';
import { TextAreaWidget } from './TextAreaWidget';
import { TextWidget } from './TextWidget';
import { UserWidget } from './UserWidget';
import type { FieldOf, WidgetProps } from './widget-props';

export type ScalarType = Exclude<FieldType, 'relation' | 'table'>;

/** The widget of every field type a table column may have (all but relations and tables). */
export const scalarWidgets = {
  string: TextWidget,
  email: TextWidget,
  phone: TextWidget,
  url: TextWidget,
  text: TextAreaWidget,
  richtext: TextAreaWidget,
  number: NumberWidget,
  money: NumberWidget,
  date: DateWidget,
  datetime: DateWidget,
  boolean: BooleanWidget,
  enum: EnumWidget,
  file: FileWidget,
  user: UserWidget,
} satisfies { [T in ScalarType]: ComponentType<WidgetProps<FieldOf<T>>> };
