import { fromLocalInput, toLocalInput } from '../input-values';
import { aria, type FieldOf, type WidgetProps } from './widget-props';

/** A day (stored as YYYY-MM-DD) or a moment (stored in ISO, typed in the browser's time zone). */
export function DateWidget(props: WidgetProps<FieldOf<'date' | 'datetime'>>) {
  const { field, value, onChange } = props;
  if (field.type === 'date')
    return (
      <input
        {...aria(props)}
        type="date"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  return (
    <input
      {...aria(props)}
      type="datetime-local"
      value={toLocalInput(value)}
      onChange={(e) => onChange(fromLocalInput(e.target.value))}
    />
  );
}
