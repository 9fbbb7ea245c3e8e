import type { SecretSummary } from '@opora/sdk';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { useSession } from '../state/session';
import { SecretForm } from './SecretForm';
import { secretOptions } from './secret-options';

/**
 * A setting that names a secret: chosen from the stored ones, or created on the spot by an administrator (the value
 * goes to the server once and is never shown again; the definition keeps only the name).
 */
export function SecretPicker({
  label,
  value,
  onChange,
  secrets,
  onCreated,
  suggestedName,
  problem,
  hint,
  testId,
  emptyLabel,
}: {
  label: string;
  value: string;
  onChange: (name: string) => void;
  secrets: SecretSummary[];
  /** Called after a secret was created here, so the form refreshes its list of names. */
  onCreated: (name: string) => void;
  suggestedName: string;
  problem: string | undefined;
  hint: string;
  testId: string;
  /** What choosing no secret means, for an optional one («без пароля»); required ones ask to choose. */
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  const mayCreate = session.status === 'signed-in' && session.user.roles.includes('admin');
  const [creating, setCreating] = useState(false);
  return (
    <div className="secret-picker">
      <label htmlFor={id}>{label}</label>
      <div className="secret-picker-row">
        <select
          id={id}
          data-testid={testId}
          value={value}
          aria-invalid={Boolean(problem)}
          aria-describedby={`${id}-note`}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{emptyLabel ?? t('integration.pickSecret')}</option>
          {secretOptions(secrets, value).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {mayCreate && !creating && (
          <button
            type="button"
            className="btn"
            data-testid={`${testId}-create`}
            onClick={() => setCreating(true)}
          >
            {t('secrets.createHere')}
          </button>
        )}
      </div>
      <FieldNote id={`${id}-note`} message={problem} hint={hint} />
      {creating && (
        <SecretForm
          initialName={suggestedName}
          initialDescription=""
          isNew
          taken={secrets.map((s) => s.name)}
          onCancel={() => setCreating(false)}
          onSaved={(name) => {
            setCreating(false);
            onCreated(name);
            onChange(name);
          }}
        />
      )}
    </div>
  );
}
