import type { Locale } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { Tabs } from '../../components/Tabs';
import { FormRenderer } from '../../forms/FormRenderer';
import { localText } from '../../lib/local-text';
import { useStore } from '../../lib/store';
import { listPath } from '../../records/record-paths';
import { FlashMessage } from '../components/FlashMessage';
import { ClientConversations } from '../conversations/ClientConversations';
import { clientType } from '../conversations/client-type';
import { EscalatedDialogs } from '../escalation/EscalatedDialogs';
import { flash } from '../state/flash';
import type { ScreenForm } from '../state/screen-form';
import { ApprovalSheet } from './ApprovalSheet';
import { CardHeader } from './CardHeader';
import { CardLoader } from './CardLoader';
import { createCard } from './card-controller';
import { HistoryTab } from './HistoryTab';
import { RelatedTab } from './RelatedTab';
import { ThreadPanel } from './ThreadPanel';
import { useApprovalRows } from './use-approval-rows';

/** A record's card: its card form read-only with an Edit button, its history and the records linked to it. */
export function CardScreen({ entity, id }: { entity: string; id: string }) {
  return (
    <CardLoader entity={entity} id={id}>
      {({ screen, timeZone, record }) => (
        <Card key={record.id} screen={screen} timeZone={timeZone} record={record} />
      )}
    </CardLoader>
  );
}

function Card({ screen, timeZone, record }: { screen: ScreenForm; timeZone: string; record: RecordItem }) {
  const { t, i18n } = useTranslation();
  const card = useMemo(() => createCard(screen, record, timeZone), [screen, record, timeZone]);
  const { record: current, mode, conflict, tab } = useStore(card.store);
  const { saving } = useStore(card.model.store);
  const typeLabel = localText(screen.entity.label, i18n.language);
  const plural = localText(screen.entity.pluralLabel ?? screen.entity.label, i18n.language);
  const approvals = useApprovalRows(screen.entityKey, current.id, current.version);

  const save = async () => {
    const result = await card.save(i18n.language as Locale, t('work.form.failed'));
    if (result.kind === 'saved')
      flash.set(
        result.outcome.failedActions.length
          ? {
              tone: 'warning',
              text: t('work.card.savedWithProblems', { problems: result.outcome.failedActions.join('; ') }),
            }
          : { tone: 'success', text: t('work.card.saved') },
      );
  };

  return (
    <form
      className="work-screen card-screen"
      data-testid="card-screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (mode === 'edit') void save();
      }}
    >
      <nav className="crumbs" aria-label={t('work.crumbs')}>
        <Link to={listPath(screen.entityKey)}>{plural}</Link>
      </nav>
      <CardHeader
        screen={screen}
        record={current}
        typeLabel={typeLabel}
        card={card}
        mode={mode}
        saving={saving}
      />
      <FlashMessage />
      {conflict && (
        <div className="banner warning" role="alert" data-testid="conflict">
          <span>{t('work.card.conflict')}</span>
          <button type="button" className="btn" onClick={() => void card.reload()}>
            {t('work.card.reload')}
          </button>
        </div>
      )}
      <Tabs
        label={t('work.card.sections')}
        active={tab}
        onSelect={(next) => card.setTab(next as typeof tab)}
        tabs={[
          { id: 'data', title: t('work.card.tab.data') },
          { id: 'history', title: t('work.card.tab.history') },
          { id: 'related', title: t('work.card.tab.related') },
          ...(screen.entityKey === clientType
            ? [{ id: 'conversations', title: t('conversations.timeline.tab') }]
            : []),
          ...(approvals.length
            ? [{ id: 'approvals', title: t('tasks.sheet.tab'), testId: 'tab-approvals' }]
            : []),
        ]}
      >
        {tab === 'data' && (
          <div className="sheet">
            <FormRenderer model={card.model} mode={mode} entityKey={screen.entityKey} recordId={record.id} />
          </div>
        )}
        {tab === 'history' && (
          <HistoryTab
            entityKey={screen.entityKey}
            entity={screen.entity}
            id={current.id}
            version={current.version}
          />
        )}
        {tab === 'related' && <RelatedTab entityKey={screen.entityKey} id={current.id} />}
        {tab === 'conversations' && <ClientConversations entity={screen.entityKey} id={current.id} />}
        {tab === 'approvals' && <ApprovalSheet rows={approvals} />}
      </Tabs>
      {mode !== 'edit' && <EscalatedDialogs recordId={current.id} />}
      {mode !== 'edit' && <ThreadPanel entityKey={screen.entityKey} id={current.id} />}
      {mode === 'edit' && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="btn primary" disabled={saving} data-testid="save">
            {saving ? t('common.wait') : t('work.card.save')}
          </button>
          <button type="button" className="btn" onClick={() => card.cancel()}>
            {t('work.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
