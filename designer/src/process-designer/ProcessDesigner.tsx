import { nodeTypeNames, type ProcessBody } from '@opora/runtime/definitions';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import '../bot-designer/bot-designer.css';
import '../bot-designer/i18n';
import './i18n';
import './process-designer.css';
import { InstancesPanel } from './instances/InstancesPanel';
import { ProcessEditor } from './ProcessEditor';

export interface ProcessDesignerProps {
  body: ProcessBody;
  onChange: (body: ProcessBody) => void;
  /** The page's problems; the designer shows the server's (from the last publish) beside its own live check. */
  problems: EditorProblem[];
  definitionId?: string;
  definitionKey?: string;
}

/**
 * The BPMN process designer: the diagram (palette, canvas, the selected element's panel, the live check, BPMN
 * files in and out) and, a click away, the process's instances drawn on the same canvas. The body is the draft's
 * JSON, so saving, publishing and the JSON tab work as for every kind.
 */
export function ProcessDesigner(props: ProcessDesignerProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'design' | 'instances'>('design');
  if (!isProcessShape(props.body))
    return <div className="banner warn">{t('processDesigner.notProcess')}</div>;
  return (
    <div className="process-designer" data-testid="process-designer">
      <div className="prd-modes" role="tablist">
        {(['design', 'instances'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className={mode === m ? 'btn primary' : 'btn'}
            data-testid={`prd-mode-${m}`}
            onClick={() => setMode(m)}
          >
            {t(`processDesigner.modes.${m}`)}
          </button>
        ))}
      </div>
      <ReactFlowProvider key={mode}>
        {mode === 'design' ? (
          <ProcessEditor {...props} />
        ) : (
          <InstancesPanel
            processKey={props.definitionKey}
            definitionId={props.definitionId}
            draft={props.body}
          />
        )}
      </ReactFlowProvider>
    </div>
  );
}

/** Enough of a process to draw; anything finer is the live check's job. */
function isProcessShape(body: unknown): body is ProcessBody {
  const b = body as Partial<ProcessBody> | null;
  return (
    !!b &&
    Array.isArray(b.nodes) &&
    Array.isArray(b.flows) &&
    b.nodes.every(
      (n) =>
        !!n &&
        typeof n.id === 'string' &&
        n.type in nodeTypeNames &&
        !!n.config &&
        typeof n.config === 'object',
    ) &&
    b.flows.every(
      (f) => !!f && typeof f.id === 'string' && typeof f.source === 'string' && typeof f.target === 'string',
    )
  );
}
