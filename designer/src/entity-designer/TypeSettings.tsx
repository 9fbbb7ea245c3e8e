import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import type { Body } from './entity-draft';
import { messagesAt, problemsUnder } from './problems';

/** Types a record's title can come from: short values that read as a name. */
const titleTypes = new Set(['string', 'number', 'email', 'phone', 'url', 'enum']);

/** What the type is called and which field names its records in lists and links. */
export function TypeSettings({
  body,
  problems,
  onChange,
}: {
  body: Body;
  problems: readonly EditorProblem[];
  onChange: (body: Body) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const candidates = body.fields.filter((f) => titleTypes.has(f.type) || f.key === body.titleField);
  return (
    <section className="card ed-type" aria-labelledby="ed-type-title">
      <h2 id="ed-type-title">{t('entityDesigner.type.title')}</h2>
      <div className="ed-type-grid">
        <LocalizedInput
          label={t('entityDesigner.type.label')}
          testId="entity-label"
          value={body.label}
          problems={problemsUnder(problems, '/label').map((p) => p.message)}
          onChange={(label) => onChange({ ...body, label: label ?? { ru: '' } })}
        />
        <LocalizedInput
          label={t('entityDesigner.type.pluralLabel')}
          optional
          value={body.pluralLabel}
          problems={problemsUnder(problems, '/pluralLabel').map((p) => p.message)}
          onChange={(pluralLabel) => {
            const next = { ...body, pluralLabel };
            if (!pluralLabel) delete next.pluralLabel;
            onChange(next);
          }}
        />
        <label>
          {t('entityDesigner.type.titleField')}
          <select
            data-testid="entity-title-field"
            value={body.titleField ?? ''}
            aria-invalid={messagesAt(problems, '/titleField').length > 0}
            onChange={(e) => {
              const { titleField: _, ...rest } = body;
              onChange(e.target.value ? { ...rest, titleField: e.target.value } : (rest as Body));
            }}
          >
            <option value="">{t('entityDesigner.type.titleAuto')}</option>
            {candidates.map((f) => (
              <option key={f.key} value={f.key}>
                {(en ? f.label?.en : undefined) || f.label?.ru || f.key}
              </option>
            ))}
          </select>
          <span className="hint">{t('entityDesigner.type.titleHint')}</span>
          <Messages messages={messagesAt(problems, '/titleField')} />
        </label>
      </div>
    </section>
  );
}
