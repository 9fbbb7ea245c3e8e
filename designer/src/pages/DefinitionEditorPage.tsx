import type {
  BotBody,
  FormBody,
  PageBody,
  PortalBody,
  ProcessBody,
  TreeBody,
} from '@opora/runtime/definitions';
import { ApiError, type DefinitionKind } from '@opora/sdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BotDesigner } from '../bot-designer/BotDesigner';
import { BotVersionDiffView } from '../bot-designer/BotVersionDiff';
import { ChannelForm } from '../channel-designer/ChannelForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { JsonEditor } from '../components/JsonEditor';
import { type OverflowItem, OverflowMenu } from '../components/OverflowMenu';
import { ProblemsList } from '../components/ProblemsList';
import { StatusBadge } from '../components/StatusBadge';
import { VersionsPanel } from '../components/VersionsPanel';
import { EntityDesigner } from '../entity-designer/EntityDesigner';
import { FormDesigner } from '../form-designer/FormDesigner';
import { IntegrationForm } from '../integrations/IntegrationForm';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { pointerToLine } from '../lib/json-locations';
import { navigate } from '../lib/router';
import { LineForm } from '../line-designer/LineForm';
import { PageDesigner } from '../page-designer/PageDesigner';
import { PortalSettings } from '../portal-settings/PortalSettings';
import { ProcessDesigner } from '../process-designer/ProcessDesigner';
import { ProcessVersionDiffView } from '../process-designer/ProcessVersionDiff';
import { ScriptWorkbench } from '../scripts/ScriptWorkbench';
import { useDefinitionDraft } from '../state/use-definition-draft';
import { useDefinitionRights } from '../state/use-definition-rights';
import { TemplateForm } from '../template-designer/TemplateForm';
import { TreeDesigner } from '../tree-designer/TreeDesigner';

type Confirm = 'delete' | 'archive' | null;
type Tab = 'code' | 'settings' | 'design' | 'fields' | 'edit' | 'versions';

/** The kind's own editor (if it has one) first, then the JSON editor and the versions, as [tab, label key]. */
function tabsFor(kind: DefinitionKind): [Tab, string][] {
  const own: Partial<Record<DefinitionKind, [Tab, string]>> = {
    script: ['code', 'script.code'],
    entity: ['fields', 'entityDesigner.tab'],
    form: ['design', 'formDesigner.tab'],
    tree: ['design', 'treeDesigner.tab'],
    bot: ['design', 'botDesigner.tab'],
    process: ['design', 'processDesigner.tab'],
    page: ['design', 'pageDesigner.tab'],
    portal: ['design', 'portalSettings.tab'],
    integration: ['settings', 'integration.settings'],
    channel: ['settings', 'channelDesigner.tab'],
    line: ['settings', 'lineDesigner.tab'],
    template: ['settings', 'templateDesigner.tab'],
  };
  const first = own[kind];
  return [...(first ? [first] : []), ['edit', 'editor.tabEdit'], ['versions', 'editor.tabVersions']];
}

/** Kinds with their own editor open on it; the JSON editor stays one tab away for every kind. */
const firstTab = (kind: DefinitionKind): Tab => (tabsFor(kind)[0] as [Tab, string])[0];

/** Edit a draft as JSON with live validation, save it, publish it, see its versions. */
export function DefinitionEditorPage({ kind, id }: { kind: DefinitionKind; id: string }) {
  const { t, i18n } = useTranslation();
  const draft = useDefinitionDraft(id, kind, i18n.language === 'en' ? 'en' : 'ru');
  // Buttons for what the server would refuse (another role's kind) are not offered.
  const may = useDefinitionRights(kind);
  const [tab, setTab] = useState<Tab>(firstTab(kind));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [versionsKey, setVersionsKey] = useState(0);
  const editorRef = useRef<HTMLTextAreaElement>(null);

  const problems = useMemo(() => {
    const all = [
      ...draft.serverProblems,
      ...draft.localProblems.filter((p) => !draft.serverProblems.some((s) => s.pointer === p.pointer)),
    ];
    return all.map((p) => ({
      ...p,
      line: p.line ?? (p.pointer !== null ? pointerToLine(draft.text, p.pointer) : undefined),
    }));
  }, [draft.serverProblems, draft.localProblems, draft.text]);
  const hasSyntaxError = draft.localProblems.some((p) => p.source === 'syntax');
  const body = useMemo(() => {
    try {
      return JSON.parse(draft.text) as Record<string, unknown>;
    } catch {
      return null;
    }
  }, [draft.text]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      setNotice(await action());
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'version_conflict') setConflict(true);
      setError(errorText(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      await draft.save();
      return t('editor.saved');
    });
  const publish = () =>
    run(async () => {
      const version = await draft.publish();
      setVersionsKey((k) => k + 1);
      return t('editor.published', { version: version.version });
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 's') {
        event.preventDefault();
        if (!busy && !hasSyntaxError) void save();
      }
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (draft.dirty) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  });

  const goToLine = (line: number) => {
    const el = editorRef.current;
    if (!el) return;
    const offset =
      draft.text
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + (line > 1 ? 1 : 0);
    el.focus();
    el.setSelectionRange(offset, offset);
  };
  const leave = () => {
    if (!draft.dirty || window.confirm(t('editor.leaveUnsaved'))) navigate(`/d/${kind}`);
  };

  if (draft.loadError) return <ErrorBanner message={errorText(draft.loadError, t('common.loadFailed'))} />;
  const d = draft.definition;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  const nameProblem = draft.serverProblems.find((p) => p.pointer === null)?.message;
  // The server refuses to publish a version identical to the latest.
  const upToDate = !draft.dirty && d.status === 'published' && !d.hasUnpublishedChanges;
  // A draft never published is deleted; a published one is archived (its versions stay).
  const rareActions: OverflowItem[] = [];
  if (d.latestVersion === null && may('write'))
    rareActions.push({
      label: t('editor.delete'),
      danger: true,
      testId: 'delete-definition',
      onSelect: () => setConfirm('delete'),
    });
  if (d.latestVersion !== null && may('archive') && d.status !== 'archived')
    rareActions.push({
      label: t('editor.archive'),
      testId: 'archive-definition',
      onSelect: () => setConfirm('archive'),
    });

  return (
    <div className="page">
      {/* One row on a desktop: the title gives way (ellipsis), the save state keeps its room, the actions never wrap. */}
      <div className="page-head editor-head" data-testid="editor-head">
        <button type="button" className="btn ghost" onClick={leave} aria-label={t('common.back')}>
          ←
        </button>
        <div className="editor-title">
          <h1 title={d.name}>{d.name}</h1>
          <StatusBadge status={d.status} />
          <span className="muted mono editor-meta">
            {d.key} · {t('editor.draft', { version: d.draftVersion })}
            {d.latestVersion ? ` · v${d.latestVersion}` : ''}
          </span>
        </div>
        {/* Always in the row (hidden when saved), so it appearing moves nothing. */}
        <span className={draft.dirty ? 'dirty save-state' : 'dirty save-state clean'} aria-live="polite">
          {draft.dirty ? t('editor.unsaved') : ''}
        </span>
        <div className="editor-actions">
          {may('write') && (
            <button
              type="button"
              className="btn"
              data-testid="save-definition"
              disabled={busy || hasSyntaxError || !draft.dirty}
              onClick={() => void save()}
            >
              {t('editor.save')}
            </button>
          )}
          {may('publish') && (
            <button
              type="button"
              className="btn primary"
              data-testid="publish-definition"
              disabled={busy || hasSyntaxError || upToDate}
              title={upToDate ? t('editor.upToDate') : undefined}
              onClick={() => void publish()}
            >
              {t('editor.publish')}
            </button>
          )}
          <OverflowMenu label={t('shell.moreActions')} testId="editor-more" items={rareActions} />
        </div>
      </div>
      {notice && (
        <div className="banner ok" role="status" data-testid="publish-result">
          {notice}
        </div>
      )}
      <ErrorBanner message={error} />
      {conflict && (
        <div className="banner warn">
          {t('editor.conflict')}{' '}
          <button
            type="button"
            className="btn"
            onClick={() => {
              setConflict(false);
              setError(null);
              void draft.reload();
            }}
          >
            {t('editor.reload')}
          </button>
        </div>
      )}
      <div className="tabs" role="tablist">
        {tabsFor(kind).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            data-testid={`${id}-tab`}
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {(tab === 'code' || tab === 'settings' || tab === 'design' || tab === 'fields') && !body ? (
        <div className="banner warn">{t('script.fixJsonFirst')}</div>
      ) : tab === 'fields' && body ? (
        <EntityDesigner
          body={body}
          problems={problems}
          definitionId={id}
          latestVersion={d.latestVersion}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'design' && body && kind === 'tree' ? (
        <TreeDesigner
          body={body as unknown as TreeBody}
          problems={problems}
          definitionKey={d.key}
          publishedVersion={d.latestVersion}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'design' && body && kind === 'bot' ? (
        <BotDesigner
          body={body as unknown as BotBody}
          problems={problems}
          definitionKey={d.key}
          publishedVersion={d.latestVersion}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'design' && body && kind === 'process' ? (
        <ProcessDesigner
          body={body as unknown as ProcessBody}
          problems={problems}
          definitionId={id}
          definitionKey={d.key}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'design' && body && kind === 'page' ? (
        <PageDesigner
          body={body as unknown as PageBody}
          problems={problems}
          definitionId={id}
          latestVersion={d.latestVersion}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'design' && body && kind === 'portal' ? (
        <PortalSettings
          body={body as unknown as PortalBody}
          problems={problems}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'design' && body ? (
        <FormDesigner
          body={body as unknown as FormBody}
          problems={problems}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'settings' && body && kind === 'channel' ? (
        <ChannelForm
          body={body}
          problems={problems}
          definitionKey={d.key}
          publicUrl={window.location.origin}
          published={d.latestVersion !== null}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'settings' && body && kind === 'line' ? (
        <LineForm
          body={body}
          problems={problems}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'settings' && body && kind === 'template' ? (
        <TemplateForm
          body={body}
          problems={problems}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'settings' && body ? (
        <IntegrationForm
          body={body}
          problems={problems}
          definitionKey={d.key}
          onChange={(next) => draft.setText(JSON.stringify(next, null, 2))}
        />
      ) : tab === 'code' && body ? (
        <ScriptWorkbench
          body={body}
          problems={problems}
          onSourceChange={(source) => draft.setText(JSON.stringify({ ...body, source }, null, 2))}
        />
      ) : tab === 'edit' ? (
        <div className="editor-grid">
          <div className="form">
            <label>
              {t('create.name')}
              <input value={draft.name} onChange={(e) => draft.setName(e.target.value)} maxLength={200} />
            </label>
            <label>
              {t('create.description')}
              <textarea
                rows={2}
                value={draft.description}
                onChange={(e) => draft.setDescription(e.target.value)}
                maxLength={2000}
              />
            </label>
            {nameProblem && <span className="field-error">{nameProblem}</span>}
            <span className="label">{t('editor.body')}</span>
            <JsonEditor
              editorRef={editorRef}
              value={draft.text}
              onChange={draft.setText}
              marks={problems.flatMap((p) => (p.line ? [{ line: p.line, message: p.message }] : []))}
            />
            <div className="actions left">
              <button
                type="button"
                className="btn"
                disabled={hasSyntaxError}
                onClick={() => draft.setText(JSON.stringify(JSON.parse(draft.text), null, 2))}
              >
                {t('editor.format')}
              </button>
            </div>
          </div>
          <aside>
            <h2>{t('editor.problems')}</h2>
            <ProblemsList problems={problems} onPick={goToLine} />
          </aside>
        </div>
      ) : (
        <VersionsPanel
          id={id}
          refreshKey={versionsKey}
          renderDiff={
            kind === 'bot'
              ? (version) => (
                  <BotVersionDiffView version={version.version} versionBody={version.body} draftBody={body} />
                )
              : kind === 'process'
                ? (version) => (
                    <ProcessVersionDiffView
                      version={version.version}
                      versionBody={version.body}
                      draftBody={body}
                    />
                  )
                : undefined
          }
          onRollback={
            may('write')
              ? (version) => {
                  // The draft becomes the version, unsaved: the analyst looks, then saves or publishes.
                  draft.setText(JSON.stringify(version.body, null, 2));
                  setTab(firstTab(kind));
                  setError(null);
                  setNotice(t('editor.rolledBack', { version: version.version }));
                }
              : undefined
          }
        />
      )}
      {confirm && (
        <ConfirmDialog
          title={t(confirm === 'delete' ? 'editor.deleteTitle' : 'editor.archiveTitle')}
          text={t(confirm === 'delete' ? 'editor.deleteText' : 'editor.archiveText', { name: d.name })}
          confirmLabel={t(confirm === 'delete' ? 'editor.delete' : 'editor.archive')}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void run(async () => {
              if (confirm === 'delete') {
                await client.deleteDefinition(id, d.draftVersion);
                navigate(`/d/${kind}`);
                return '';
              }
              await client.archiveDefinition(id);
              await draft.reload();
              return t('editor.archived');
            });
          }}
        />
      )}
    </div>
  );
}
