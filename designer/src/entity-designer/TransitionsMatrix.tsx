import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import type { Field } from './entity-draft';
import { problemsUnder } from './problems';

type EnumField = Extract<Field, { type: 'enum' }>;

/**
 * The status model of a choice list: from which value a record may move to which. Off, any move is allowed.
 * On, a row without ticks is a final value; each tick is one allowed move.
 */
export function TransitionsMatrix({
  field,
  pointer,
  problems,
  onChange,
}: {
  field: EnumField;
  pointer: string;
  problems: readonly EditorProblem[];
  onChange: (field: EnumField) => void;
}) {
  const { t, i18n } = useTranslation();
  const options = field.options ?? [];
  const on = field.transitions !== undefined;
  const name = (o: EnumField['options'][number]) =>
    (i18n.language === 'en' ? o.label?.en : undefined) || o.label?.ru || o.value;
  const toggle = (from: string, to: string, allowed: boolean) => {
    // A row the model says nothing about allows every move: unticking one keeps the others.
    const current = Object.hasOwn(field.transitions ?? {}, from)
      ? field.transitions![from]!
      : options.map((o) => o.value).filter((v) => v !== from);
    const targets = allowed ? [...current, to] : current.filter((v) => v !== to);
    // Kept in the options' order, so the JSON reads like the matrix.
    const ordered = options.map((o) => o.value).filter((v) => targets.includes(v));
    onChange({ ...field, transitions: { ...field.transitions, [from]: ordered } });
  };
  return (
    <div className="ed-transitions">
      <label className="check">
        <input
          type="checkbox"
          data-testid="transitions-toggle"
          checked={on}
          onChange={(e) => {
            if (e.target.checked)
              onChange({ ...field, transitions: Object.fromEntries(options.map((o) => [o.value, []])) });
            else {
              const { transitions: _, ...rest } = field;
              onChange(rest as EnumField);
            }
          }}
        />
        {t('entityDesigner.transitions.toggle')}
      </label>
      <span className="hint">
        {t(on ? 'entityDesigner.transitions.hintOn' : 'entityDesigner.transitions.hintOff')}
      </span>
      <Messages messages={problemsUnder(problems, `${pointer}/transitions`).map((p) => p.message)} />
      {on && options.length > 1 && (
        <div className="table-wrap">
          <table className="table ed-matrix" data-testid="transitions-matrix">
            <caption className="hint">{t('entityDesigner.transitions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('entityDesigner.transitions.from')}</th>
                {options.map((o) => (
                  <th key={o.value} scope="col">
                    {name(o)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {options.map((from) => {
                const open = !Object.hasOwn(field.transitions ?? {}, from.value);
                return (
                  <tr key={from.value}>
                    <th scope="row">
                      {name(from)}
                      {open && <span className="hint"> · {t('entityDesigner.transitions.any')}</span>}
                    </th>
                    {options.map((to) => (
                      <td key={to.value}>
                        {to.value === from.value ? (
                          <span aria-hidden="true">—</span>
                        ) : (
                          <input
                            type="checkbox"
                            aria-label={t('entityDesigner.transitions.cell', {
                              from: name(from),
                              to: name(to),
                            })}
                            checked={open || (field.transitions?.[from.value] ?? []).includes(to.value)}
                            onChange={(e) => toggle(from.value, to.value, e.target.checked)}
                          />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
