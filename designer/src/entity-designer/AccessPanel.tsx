import {
  type AccessRole,
  accessRoles,
  type RecordOperation,
  recordOperations,
} from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import { isDefault, resetRights, rightsOf, setClientScope, toggleRight } from './access-draft';
import type { Body } from './entity-draft';
import { problemsUnder } from './problems';

/**
 * «Права доступа»: which roles read, create, change and delete records of the type — a roles × operations grid,
 * with "own records only" for clients. Administrators may always do everything, so their row is fixed.
 */
export function AccessPanel({
  body,
  problems,
  onChange,
}: {
  body: Body;
  problems: readonly EditorProblem[];
  onChange: (body: Body) => void;
}) {
  const { t } = useTranslation();
  const rights = rightsOf(body);
  const roleName = (role: AccessRole) => t(`roles.${role}`);
  const operationName = (op: RecordOperation) => t(`entityDesigner.access.${op}`);
  return (
    <section className="card ed-access" aria-labelledby="ed-access-title" data-testid="entity-access">
      <div className="ed-section-head">
        <h2 id="ed-access-title">{t('entityDesigner.access.title')}</h2>
        {!isDefault(body) && (
          <button type="button" className="btn ghost" onClick={() => onChange(resetRights(body))}>
            {t('entityDesigner.access.reset')}
          </button>
        )}
      </div>
      <span className="hint">
        {t(isDefault(body) ? 'entityDesigner.access.defaults' : 'entityDesigner.access.hint')}
      </span>
      <Messages messages={problemsUnder(problems, '/access').map((p) => p.message)} />
      <div className="table-wrap">
        <table className="table ed-matrix" data-testid="access-matrix">
          <thead>
            <tr>
              <th scope="col">{t('entityDesigner.access.role')}</th>
              {recordOperations.map((op) => (
                <th key={op} scope="col">
                  {operationName(op)}
                </th>
              ))}
              <th scope="col">{t('entityDesigner.access.ownOnly')}</th>
            </tr>
          </thead>
          <tbody>
            {accessRoles.map((role) => (
              <tr key={role}>
                <th scope="row">
                  {roleName(role)}
                  {role === 'admin' && <span className="hint"> · {t('entityDesigner.access.always')}</span>}
                </th>
                {recordOperations.map((op) => (
                  <td key={op}>
                    <input
                      type="checkbox"
                      data-testid={`access-${role}-${op}`}
                      aria-label={t('entityDesigner.access.cell', {
                        role: roleName(role),
                        operation: operationName(op),
                      })}
                      disabled={role === 'admin'}
                      checked={role === 'admin' || rights[op].includes(role)}
                      onChange={(e) => onChange(toggleRight(body, role, op, e.target.checked))}
                    />
                  </td>
                ))}
                <td>
                  {role === 'client' ? (
                    <input
                      type="checkbox"
                      data-testid="access-client-own"
                      aria-label={t('entityDesigner.access.ownOnlyLabel')}
                      title={t('entityDesigner.access.ownHint')}
                      checked={rights.clientScope === 'own'}
                      onChange={(e) => onChange(setClientScope(body, e.target.checked))}
                    />
                  ) : (
                    <span aria-hidden="true">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <span className="hint">{t('entityDesigner.access.ownHint')}</span>
    </section>
  );
}
