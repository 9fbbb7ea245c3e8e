import {
  type BreakingChange,
  breakingChanges,
  type EntityBody,
  planMigration,
} from '@opora/runtime/definitions';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import type { Body } from './entity-draft';
import { withFix } from './migration-fixes';
import { RuleEditor } from './RuleEditor';

/**
 * What the draft changes for records that already exist, next to the published version: each change that may
 * leave them invalid, whether a migration rule covers it (with a button to add the rule), the rules themselves,
 * and — after a refused publish — the server's word on how many records each change would break.
 */
export function EvolutionPanel({
  body,
  published,
  problems,
  onChange,
}: {
  body: Body;
  published: EntityBody | null;
  problems: readonly EditorProblem[];
  onChange: (body: Body) => void;
}) {
  const { t, i18n } = useTranslation();
  const changes = useMemo(() => {
    if (!published) return [];
    try {
      return breakingChanges(published, body);
    } catch {
      // A half-typed body (JSON tab) cannot be compared; its own problems are listed elsewhere.
      return [];
    }
  }, [published, body]);
  const rules = body.migrate ?? [];
  // Rules that would act on this publish; the rest were applied by an earlier one (or cover nothing yet).
  const acting = useMemo(() => {
    if (!published) return new Set<number>();
    try {
      return new Set(planMigration(published, body).steps.flatMap((s) => (s.rule === null ? [] : [s.rule])));
    } catch {
      return new Set<number>();
    }
  }, [published, body]);
  const idle = rules.flatMap((r, i) => (acting.has(i) ? [] : [r.field]));
  const pointers = new Set(changes.map((c) => c.pointer));
  const refused = problems.filter(
    (p) =>
      p.source === 'server' &&
      p.pointer !== null &&
      (pointers.has(p.pointer) || p.pointer === '/fields' || p.pointer.startsWith('/migrate')),
  );
  if (!changes.length && !rules.length && !refused.length) return null;
  const name = (label: BreakingChange['label']) =>
    (i18n.language === 'en' ? label.en : undefined) || label.ru;

  return (
    <section className="card ed-evolution" aria-labelledby="ed-evolution-title" data-testid="evolution-panel">
      <h2 id="ed-evolution-title">{t('entityDesigner.evolution.title')}</h2>
      {refused.length > 0 && (
        <div className="banner error" role="alert" data-testid="publish-refusal">
          <strong>{t('entityDesigner.evolution.refused')}</strong>
          <ul>
            {[...new Set(refused.map((p) => p.message))].map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {changes.length > 0 && (
        <>
          <p className="hint">{t('entityDesigner.evolution.intro')}</p>
          <ul className="ed-changes">
            {changes.map((change) => (
              <li
                key={`${change.code}:${change.pointer}:${change.field}`}
                className={change.covered ? 'covered' : ''}
              >
                <span>{describe(change, name, t)}</span>
                {change.covered ? (
                  <span className="ed-ok">✓ {t('entityDesigner.evolution.covered')}</span>
                ) : change.fix ? (
                  <button
                    type="button"
                    className="btn"
                    data-testid={`add-rule-${change.field}`}
                    onClick={() => onChange(withFix(body, change))}
                  >
                    {t(`entityDesigner.evolution.fix.${change.fix}`)}
                  </button>
                ) : (
                  <span className="hint">{t('entityDesigner.evolution.fixRecords')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {rules.length > 0 && (
        <>
          <h3>{t('entityDesigner.rules.title')}</h3>
          <p className="hint">{t('entityDesigner.rules.intro')}</p>
          {published && idle.length > 0 && (
            <p className="hint">
              {t('entityDesigner.rules.idleNote')}{' '}
              <button
                type="button"
                className="btn"
                data-testid="remove-idle-rules"
                onClick={() => {
                  const migrate = rules.filter((r) => !idle.includes(r.field));
                  const { migrate: _, ...rest } = body;
                  onChange(migrate.length ? { ...rest, migrate } : (rest as Body));
                }}
              >
                {t('entityDesigner.rules.removeIdle')}
              </button>
            </p>
          )}
          {rules.map((rule, i) => (
            <RuleEditor
              key={rule.field}
              rule={rule}
              index={i}
              body={body}
              published={published}
              problems={problems}
              idle={Boolean(published) && !acting.has(i)}
              onChange={onChange}
            />
          ))}
        </>
      )}
    </section>
  );
}

function describe(
  change: BreakingChange,
  name: (label: BreakingChange['label']) => string,
  t: TFunction,
): string {
  const field = name(change.label);
  const type = (name: string) => t(`entityDesigner.types.${name}`);
  switch (change.code) {
    case 'type-changed':
      return t('entityDesigner.changes.type-changed', {
        field,
        from: type(change.from),
        to: type(change.to),
      });
    case 'target-changed':
      return t('entityDesigner.changes.target-changed', { field, from: change.from, to: change.to });
    case 'multiplicity-changed':
      return t(change.many ? 'entityDesigner.changes.becameMany' : 'entityDesigner.changes.becameSingle', {
        field,
      });
    case 'option-removed':
      return t('entityDesigner.changes.option-removed', {
        field,
        values: change.values.map((v) => `«${name(change.names[v] ?? { ru: v })}»`).join(', '),
      });
    case 'limit-tightened':
      return t('entityDesigner.changes.limit-tightened', {
        field,
        limit: t(`entityDesigner.props.${change.limit}`),
      });
    default:
      return t(`entityDesigner.changes.${change.code}`, { field });
  }
}
