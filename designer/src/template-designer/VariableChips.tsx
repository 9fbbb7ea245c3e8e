import { templateVariableInfo, templateVariables } from '@opora/runtime/templates';
import { useTranslation } from 'react-i18next';

/** The variables a template may use, as buttons that put `{{name}}` at the caret of the text last edited. */
export function VariableChips({ onInsert }: { onInsert: (placeholder: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <fieldset className="tpl-chips" aria-label={t('templateDesigner.variables')}>
      {templateVariables.map((name) => (
        <button
          key={name}
          type="button"
          className="tpl-chip"
          // mousedown: the text box keeps its focus and caret.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onInsert(`{{${name}}}`)}
          data-testid={`template-variable-${name}`}
        >
          {templateVariableInfo[name].label[locale]}
        </button>
      ))}
    </fieldset>
  );
}
