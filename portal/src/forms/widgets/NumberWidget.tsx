import { useEffect, useState } from 'react';
import { parseNumberInput } from '../input-values';
import { aria, type FieldOf, type WidgetProps } from './widget-props';

/**
 * Numbers and money as text with a numeric keyboard: a decimal comma works, and what someone is still typing
 * ("12,") is kept as typed instead of jumping back.
 */
export function NumberWidget(props: WidgetProps<FieldOf<'number' | 'money'>>) {
  const { field, value, onChange } = props;
  const shown = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    setText((current) => (parseNumberInput(current) === value ? current : shown));
  }, [value, shown]);
  const integer = field.type === 'number' && field.integer;
  return (
    <span className="number-input">
      <input
        {...aria(props)}
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumberInput(e.target.value));
        }}
      />
      {field.type === 'money' && field.currency && <span className="unit">{field.currency}</span>}
    </span>
  );
}
