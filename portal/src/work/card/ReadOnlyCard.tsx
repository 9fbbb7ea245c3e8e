import { useMemo } from 'react';
import { FormRenderer } from '../../forms/FormRenderer';
import { CardLoader, type CardSource } from './CardLoader';
import { cardModel } from './card-controller';
import { RelatedTab } from './RelatedTab';
import { showsRelated } from './shows-related';

/**
 * A record's card form, read-only, as the full card shows it (same loading, same form, same model); with
 * `withRelated`, the records linked to it follow when the form does not list them itself.
 */
export function ReadOnlyCard({
  entity,
  id,
  withRelated = false,
}: {
  entity: string;
  id: string;
  withRelated?: boolean;
}) {
  return (
    <CardLoader entity={entity} id={id}>
      {(source) => <Sheet key={source.record.id} source={source} withRelated={withRelated} />}
    </CardLoader>
  );
}

function Sheet({ source, withRelated }: { source: CardSource; withRelated: boolean }) {
  const { screen, record, timeZone } = source;
  const model = useMemo(() => cardModel(screen, record, timeZone), [screen, record, timeZone]);
  return (
    <div className="sheet read-only-card">
      <FormRenderer model={model} mode="view" entityKey={screen.entityKey} recordId={record.id} />
      {withRelated && !showsRelated(screen.form) && (
        <RelatedTab entityKey={screen.entityKey} id={record.id} />
      )}
    </div>
  );
}
