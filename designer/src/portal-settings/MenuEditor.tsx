import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { PortalBody } from '@opora/runtime/definitions';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MenuItemEditor } from './MenuItemEditor';
import { addMenuItem, moveMenuItem, removeMenuItem, updateMenuItem } from './menu-ops';
import type { Edit } from './portal-edit';
import type { PageOption } from './use-portal-lookups';

const maxItems = 20;
const builtIn = ['/kb', '/help/support'];
const newLabel = { ru: 'Новый пункт', en: 'New item' };

/** The portal menu: add, edit, reorder (drag or arrows) and delete items; «Undo» brings a deleted one back. */
export function MenuEditor({
  body,
  edit,
  at,
  pages,
}: {
  body: PortalBody;
  edit: Edit;
  at: (p: string) => string[];
  pages: PageOption[] | null;
}) {
  const { t } = useTranslation();
  const targetsId = useId();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const menu = body.menu;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = menu.findIndex((i) => i.id === over.id);
    edit((b) => ({ ...b, menu: moveMenuItem(b.menu, String(active.id), to) }));
  };
  const targets = [...builtIn, ...(pages ?? []).flatMap((p) => (p.path ? [p.path] : []))];
  return (
    <div className="ps-menu" data-testid="ps-menu">
      <datalist id={targetsId}>
        {[...new Set(targets)].map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      {menu.length === 0 && <p className="hint">{t('portalSettings.menu.empty')}</p>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={menu.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol className="ps-menu-list">
            {menu.map((item, index) => (
              <MenuItemEditor
                key={item.id}
                item={item}
                index={index}
                count={menu.length}
                targetsId={targetsId}
                problems={(path) => at(`/menu/${index}${path}`)}
                onChange={(next) => edit((b) => ({ ...b, menu: updateMenuItem(b.menu, item.id, next) }))}
                onMove={(to) => edit((b) => ({ ...b, menu: moveMenuItem(b.menu, item.id, to) }))}
                onRemove={() => edit((b) => ({ ...b, menu: removeMenuItem(b.menu, item.id) }))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <button
        type="button"
        className="btn"
        data-testid="ps-menu-add"
        disabled={menu.length >= maxItems}
        onClick={() => edit((b) => ({ ...b, menu: addMenuItem(b.menu, { label: newLabel, to: '/' }).menu }))}
      >
        + {t('portalSettings.menu.add')}
      </button>
    </div>
  );
}
