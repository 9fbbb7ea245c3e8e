import { migrateDefinitionBody, nodeName, type ProcessBody } from '@opora/runtime/definitions';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text';
import { canvasModel } from '../canvas-model';
import { ProcessCanvas } from '../ProcessCanvas';
import { getInstance, getProcessVersion, type InstanceView } from '../process-api';
import { layoutProcess } from '../process-layout';
import { findNode } from '../process-ops';
import { instanceTrace, stepTime } from './instance-trace';

/**
 * One instance on the canvas of the version it runs, read-only: tokens where they stand, the path taken marked,
 * and beside it each step with its times (and the error, if it failed). A click on a step shows its node.
 */
export function InstanceDetail({
  id,
  definitionId,
  draft,
  onBack,
}: {
  id: string;
  definitionId?: string;
  draft: ProcessBody;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const [instance, setInstance] = useState<InstanceView | null>(null);
  const [body, setBody] = useState<ProcessBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getInstance(id)
      .then(async (found) => {
        // The version the instance runs; the draft only when that version cannot be read.
        const version =
          definitionId !== undefined
            ? await getProcessVersion(definitionId, found.processVersion).catch(() => null)
            : null;
        if (!live) return;
        setInstance(found);
        setBody(version ? (migrateDefinitionBody('process', version.body) as ProcessBody) : draft);
      })
      .catch((e) => live && setError(errorText(e, t('common.loadFailed'))));
    return () => {
      live = false;
    };
  }, [id, definitionId, draft, t]);

  const model = useMemo(() => {
    if (!instance || !body) return null;
    return canvasModel({
      body,
      layout: layoutProcess(body),
      lang,
      trace: instanceTrace(instance, body.flows),
      readOnly: true,
      defaultLabel: t('processDesigner.flow.default'),
    });
  }, [instance, body, lang, t]);

  const back = (
    <button type="button" className="btn ghost" data-testid="prd-instance-back" onClick={onBack}>
      {t('processDesigner.instances.back')}
    </button>
  );
  if (error)
    return (
      <section className="prd-instances">
        {back}
        <div className="banner warn" role="alert">
          {error}
        </div>
      </section>
    );
  if (!instance || !body || !model) return <p className="muted">{t('processDesigner.instances.loading')}</p>;
  const name = (nodeId: string) => {
    const node = findNode(body, nodeId);
    return node ? nodeName(node, lang) : nodeId;
  };
  const here = new Set(instance.tokens.map((tk) => tk.nodeId));
  return (
    <div className="prd-instance" data-testid="prd-instance">
      <div className="bd-toolbar">
        {back}
        <strong>
          {instance.processName} · v{instance.processVersion}
        </strong>
        <span className={`prd-status ${instance.status}`}>
          {t(`processDesigner.instances.statuses.${instance.status}`, { defaultValue: instance.status })}
        </span>
        <span className="spacer" />
        <span className="prd-legend token">{t('processDesigner.instances.legendToken')}</span>
        <span className="prd-legend visited">{t('processDesigner.instances.legendPath')}</span>
      </div>
      <div className="prd-grid instance">
        <section className="bd-canvas" aria-label={t('processDesigner.canvas')}>
          <ProcessCanvas
            nodes={model.nodes}
            flows={model.flows}
            selected={selected}
            readOnly
            onSelect={setSelected}
          />
        </section>
        <aside className="bd-side open">
          {instance.error && (
            <div className="banner warn" role="alert" data-testid="prd-instance-error">
              {t('processDesigner.instances.error')}:{' '}
              {instance.error.nodeId ? `${name(instance.error.nodeId)} — ` : ''}
              {instance.error.message}
            </div>
          )}
          <section className="bd-props" data-testid="prd-instance-steps">
            <h3>{t('processDesigner.instances.steps')}</h3>
            <ol className="prd-steps">
              {instance.history.map((step, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: a node may be entered again by the same token
                  key={`${step.tokenId}:${step.nodeId}:${i}`}
                  className={selected === step.nodeId ? 'selected' : undefined}
                >
                  <button type="button" className="prd-step" onClick={() => setSelected(step.nodeId)}>
                    <strong>{name(step.nodeId)}</strong>
                    <span className="muted">
                      {t('processDesigner.instances.entered')} {stepTime(step.enteredAt, i18n.language)}
                      {step.leftAt
                        ? ` · ${t('processDesigner.instances.left')} ${stepTime(step.leftAt, i18n.language)}`
                        : here.has(step.nodeId)
                          ? ` · ${t('processDesigner.instances.now')}`
                          : ''}
                    </span>
                    {step.outcome && (
                      <span>
                        {t('processDesigner.instances.outcome')}:{' '}
                        {t(`processDesigner.instances.outcomes.${step.outcome}`, {
                          defaultValue: step.outcome,
                        })}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          </section>
          <section className="bd-props">
            <h3>{t('processDesigner.instances.variables')}</h3>
            <pre className="prd-variables">{JSON.stringify(instance.variables, null, 2)}</pre>
          </section>
        </aside>
      </div>
    </div>
  );
}
