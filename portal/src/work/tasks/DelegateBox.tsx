import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboOption } from '../../components/Combobox';
import { searchPeople } from '../../records/record-search';
import type { TaskPanel } from './task-panel';

/** «Передать»: pick a colleague by name (as user fields do), then hand the task over. */
export function DelegateBox({ panel, busy }: { panel: TaskPanel; busy: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<ComboOption | null>(null);
  if (!open)
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="task-delegate-open">
        {t('tasks.panel.delegate')}
      </button>
    );
  return (
    <section className="task-delegate" data-testid="task-delegate-box">
      <label className="field" htmlFor="task-delegate-to">
        <span>{t('tasks.panel.delegateTo')}</span>
      </label>
      <Combobox
        id="task-delegate-to"
        placeholder={t('tasks.panel.delegatePlaceholder')}
        search={searchPeople}
        onPick={setPerson}
      />
      {person && <p className="muted">{person.label}</p>}
      <div className="form-actions">
        <button
          type="button"
          className="btn primary"
          disabled={!person || busy}
          onClick={() => {
            if (!person) return;
            void panel.delegate({ id: person.id, name: person.label }).then(() => setOpen(false));
          }}
          data-testid="task-delegate"
        >
          {t('tasks.panel.delegate')}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('work.cancel')}
        </button>
      </div>
    </section>
  );
}
