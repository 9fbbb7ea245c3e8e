import { aria, type FieldOf, type WidgetProps } from './widget-props';

/** Long text; rich text is edited as plain text for now (the server sanitises HTML anyway). */
export function TextAreaWidget(props: WidgetProps<FieldOf<'text' | 'richtext'>>) {
  const { field, value, onChange } = props;
  return (
    <textarea
      {...aria(props)}
      rows={field.type === 'richtext' ? 8 : 4}
      maxLength={field.type === 'text' ? field.maxLength : undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
