import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../../components/LocalizedInput';
import { newOption } from '../new-nodes';

type Option = { id: string; label: { ru: string; en?: string } };

/**
 * The options of a buttons block or a choice question. Ids are made here and never edited: a buttons block's
 * exits are named after them (`option:<id>`), so a renamed label keeps its connection.
 */
export function OptionsField({
  options,
  onChange,
  testId,
}: {
  options: readonly Option[];
  onChange: (options: Option[], field?: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="bd-rows" data-testid={testId}>
      <legend>{t('botDesigner.fields.options')}</legend>
      {options.map((option, i) => (
        <div className="bd-option" key={option.id}>
          <LocalizedInput
            label={`${t('botDesigner.fields.option')} ${i + 1}`}
            value={option.label}
            testId={`${testId}-${i}`}
            classPrefix="bd"
            onChange={(label) =>
              onChange(
                options.map((o) => (o.id === option.id ? { ...o, label: label ?? { ru: '' } } : o)),
                `option:${option.id}`,
              )
            }
          />
          <button
            type="button"
            className="btn ghost"
            aria-label={t('botDesigner.panel.removeRow')}
            disabled={options.length <= 1}
            onClick={() => onChange(options.filter((o) => o.id !== option.id))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn"
        data-testid={`${testId}-add`}
        disabled={options.length >= 20}
        onClick={() => onChange([...options, newOption(options)])}
      >
        + {t('botDesigner.fields.addOption')}
      </button>
    </fieldset>
  );
}
