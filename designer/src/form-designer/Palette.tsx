import type { EntityBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { PaletteItem as DraggableEntry } from '../components/PaletteItem';
import { layoutKinds, type PaletteKind } from './element-factory';
import { pickText } from './labels';
import type { RelationCandidate } from './use-relation-candidates';

export type PaletteItem =
  | { kind: 'field'; field: string }
  | { kind: PaletteKind }
  | { kind: 'related'; entity: string; field: string };

export const paletteId = (item: PaletteItem) =>
  item.kind === 'field'
    ? `palette:field:${item.field}`
    : item.kind === 'related'
      ? `palette:related:${item.entity}.${item.field}`
      : `palette:${item.kind}`;

/** The type's fields not yet on the form and the layout elements: drag them onto the canvas, or press «+». */
export function Palette({
  entity,
  placed,
  related,
  onAdd,
}: {
  entity: EntityBody;
  placed: Set<string>;
  related: RelationCandidate[];
  onAdd: (item: PaletteItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const free = entity.fields.filter((f) => !placed.has(f.key));
  return (
    <aside className="fd-palette" aria-label={t('formDesigner.palette')}>
      <h3>{t('formDesigner.fields')}</h3>
      {free.length === 0 ? (
        <p className="hint">{t('formDesigner.allPlaced')}</p>
      ) : (
        <ul>
          {free.map((field) => (
            <PaletteEntry
              key={field.key}
              item={{ kind: 'field', field: field.key }}
              label={pickText(field.label, i18n.language)}
              detail={t(`formDesigner.fieldType.${field.type}`, { defaultValue: field.type })}
              onAdd={onAdd}
            />
          ))}
        </ul>
      )}
      <h3>{t('formDesigner.layout')}</h3>
      <ul>
        {layoutKinds.map((kind) => (
          <PaletteEntry key={kind} item={{ kind }} label={t(`formDesigner.kind.${kind}`)} onAdd={onAdd} />
        ))}
        {related.map((r) => (
          <PaletteEntry
            key={`${r.entity}.${r.field}`}
            item={{ kind: 'related', entity: r.entity, field: r.field }}
            label={pickText(r.entityLabel, i18n.language)}
            detail={t('formDesigner.relatedVia', { field: pickText(r.fieldLabel, i18n.language) })}
            onAdd={onAdd}
          />
        ))}
      </ul>
    </aside>
  );
}

function PaletteEntry({
  item,
  label,
  detail,
  onAdd,
}: {
  item: PaletteItem;
  label: string;
  detail?: string;
  onAdd: (item: PaletteItem) => void;
}) {
  const { t } = useTranslation();
  const id = paletteId(item);
  return (
    <DraggableEntry
      dragId={id}
      dragData={{ palette: item }}
      testId={id}
      label={label}
      detail={detail}
      dragLabel={t('formDesigner.dragLabel', { label })}
      addLabel={t('formDesigner.addLabel', { label })}
      onAdd={() => onAdd(item)}
    />
  );
}
