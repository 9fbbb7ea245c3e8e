import type { FormElement } from '@opora/runtime/definitions';
import { createContext, useContext, useMemo } from 'react';
import { useStore } from '../lib/store';
import { ErrorSummary } from './ErrorSummary';
import type { FormModel, FormSnapshot } from './form-model';
import { createFormUi, type FormUi } from './form-ui';
import { LayoutElements } from './LayoutElements';
import './forms.css';

export type FormMode = 'edit' | 'view';

interface RenderContext {
  model: FormModel;
  ui: FormUi;
  snapshot: FormSnapshot;
  mode: FormMode;
  entityKey: string;
  /** The record shown (a card); absent while creating, when nothing can point at it yet. */
  recordId?: string;
}

const Context = createContext<RenderContext | null>(null);

/** What every layout element needs, without threading it through each level. */
export function useRenderContext(): RenderContext {
  const context = useContext(Context);
  if (!context) throw new Error('layout elements render inside FormRenderer');
  return context;
}

/**
 * Renders a published form's layout for a record: editable widgets (edit) or values (view), live visibility
 * and computed values from the shared runtime, problems beside their fields and summarised on top.
 */
export function FormRenderer({
  model,
  mode,
  entityKey,
  recordId,
}: {
  model: FormModel;
  mode: FormMode;
  entityKey: string;
  recordId?: string;
}) {
  const snapshot = useStore(model.store);
  const ui = useMemo(() => createFormUi(model.compiled.form), [model]);
  const context = useMemo(
    () => ({ model, ui, snapshot, mode, entityKey, recordId }),
    [model, ui, snapshot, mode, entityKey, recordId],
  );
  return (
    <Context.Provider value={context}>
      <div className={`form-renderer ${mode}`} data-testid="form-renderer">
        {mode === 'edit' && <ErrorSummary />}
        <LayoutElements elements={model.compiled.form.layout as FormElement[]} />
      </div>
    </Context.Provider>
  );
}
