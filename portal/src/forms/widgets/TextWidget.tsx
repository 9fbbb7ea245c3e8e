import { aria, type FieldOf, type WidgetProps } from './widget-props';

type TextField = FieldOf<'string' | 'email' | 'phone' | 'url'>;

const inputType = { string: 'text', email: 'email', phone: 'tel', url: 'url' } as const;
const autoComplete = { string: undefined, email: 'email', phone: 'tel', url: 'url' } as const;

/** One line of text; e-mail, phone and URL get the keyboards phones offer for them. */
export function TextWidget(props: WidgetProps<TextField>) {
  const { field, value, onChange } = props;
  return (
    <input
      {...aria(props)}
      type={inputType[field.type]}
      autoComplete={autoComplete[field.type] ?? 'off'}
      maxLength={field.type === 'string' ? field.maxLength : undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
