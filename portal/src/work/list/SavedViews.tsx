import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dropdown } from '../components/Dropdown';
import { fromViewState, type ListState, toViewState } from './list-state';
import { SaveViewDialog } from './SaveViewDialog';

/**
 * Saved views of the list: open one (mine first, then colleagues' shared ones), save the current columns,
 * filters, sort and search under a name, change or delete my own.
 */
export function SavedViews({
  entity,
  state,
  columns,
  onOpen,
}: {
  entity: string;
  state: ListState;
  columns: string[];
  onOpen(state: ListState): void;
}) {
  const { t } = useTranslation();
  const views = useAsync(() => client.listViews(entity), [entity]);
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);
  const [deleting, setDeleting] = useState(false);
  const items = views.data?.items ?? [];
  const current = items.find((v) => v.id === state.view);
  const mine = items.filter((v) => v.mine);
  const shared = items.filter((v) => !v.mine);
  const initial = useMemo(
    () =>
      dialog === 'edit' && current
        ? { name: current.name, shared: current.shared }
        : { name: '', shared: false },
    [dialog, current],
  );
  const open = (id: string) => {
    const view = items.find((v) => v.id === id);
    onOpen(
      view
        ? fromViewState(view.state, view.id, state.limit)
        : { ...state, q: '', filters: [], sort: null, columns: null, offset: 0, view: null },
    );
  };

  return (
    <div className="saved-views">
      <select
        aria-label={t('work.views.label')}
        value={current?.id ?? ''}
        onChange={(e) => open(e.target.value)}
        data-testid="views"
      >
        <option value="">{t('work.views.all')}</option>
        {mine.length > 0 && (
          <optgroup label={t('work.views.mine')}>
            {mine.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.shared ? ` · ${t('work.views.sharedMark')}` : ''}
              </option>
            ))}
          </optgroup>
        )}
        {shared.length > 0 && (
          <optgroup label={t('work.views.shared')}>
            {shared.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} · {v.owner.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <Dropdown summary="⋯" label={t('work.views.actions')} testId="view-actions">
        {(close) => (
          <div className="dropdown-panel">
            <button
              type="button"
              className="btn ghost"
              onClick={() => {
                close();
                setDialog('new');
              }}
              data-testid="view-new"
            >
              {t('work.views.saveAs')}
            </button>
            {current?.mine && (
              <>
                <button
                  type="button"
                  className="btn ghost"
                  onClick={() => {
                    close();
                    setDialog('edit');
                  }}
                >
                  {t('work.views.update')}
                </button>
                <button
                  type="button"
                  className="btn ghost danger-text"
                  onClick={() => {
                    close();
                    setDeleting(true);
                  }}
                >
                  {t('work.views.delete')}
                </button>
              </>
            )}
          </div>
        )}
      </Dropdown>
      <SaveViewDialog
        open={dialog !== null}
        initial={initial}
        onClose={() => setDialog(null)}
        onSave={async (name, isShared) => {
          const viewState = toViewState(state, columns);
          const saved =
            dialog === 'edit' && current
              ? await client.updateView(current.id, { name, shared: isShared, state: viewState })
              : await client.createView({ entity, name, shared: isShared, state: viewState });
          views.reload();
          onOpen({ ...state, view: saved.id, offset: 0 });
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t('work.views.deleteTitle', { name: current?.name ?? '' })}
        confirmLabel={t('work.views.delete')}
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          if (!current) return;
          void client.deleteView(current.id).then(() => {
            setDeleting(false);
            views.reload();
            onOpen({ ...state, view: null });
          });
        }}
      />
    </div>
  );
}
