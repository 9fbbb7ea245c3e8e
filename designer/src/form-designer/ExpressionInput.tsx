import type { EntityBody } from '@opora/runtime/definitions';
import { checkExpression, ExpressionError, expressionMessage } from '@opora/runtime/forms';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An expression of the forms language with a live check against the type's fields: the analyst sees
 * «столбец 5: нет поля «x»» while typing, long before publishing.
 */
export function ExpressionInput({
  label,
  hint,
  value,
  entity,
  onChange,
  testId,
}: {
  label: string;
  hint: string;
  value: string | undefined;
  entity: EntityBody;
  onChange: (value: string | undefined) => void;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const id = useId();
  const problem = useMemo(() => {
    if (!value?.trim()) return null;
    try {
      checkExpression(value, new Set(entity.fields.map((f) => f.key)));
      return null;
    } catch (error) {
      return error instanceof ExpressionError
        ? expressionMessage(error, i18n.language === 'en' ? 'en' : 'ru')
        : String(error);
    }
  }, [value, entity, i18n.language]);
  return (
    <label htmlFor={id}>
      {label}
      <input
        id={id}
        className="mono"
        data-testid={testId}
        value={value ?? ''}
        spellCheck={false}
        aria-invalid={Boolean(problem)}
        onChange={(e) => onChange(e.target.value || undefined)}
        placeholder="category == 'billing'"
      />
      {problem ? <span className="field-error">{problem}</span> : <span className="hint">{hint}</span>}
    </label>
  );
}
