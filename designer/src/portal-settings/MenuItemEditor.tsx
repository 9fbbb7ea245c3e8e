import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PortalMenuItem } from '@opora/runtime/definitions';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { LocalizedInput } from '../components/LocalizedInput';
import { Problems } from '../page-designer/inputs';
import { validTarget } from './menu-ops';

type Audience = NonNullable<PortalMenuItem['audience']>[number];
const audiences: Audience[] = ['anonymous', 'client', 'staff'];

/** One menu item: label, where it leads, who sees it; drag by the grip or use the arrows. */
export function MenuItemEditor({
  item,
  index,
  count,
  targetsId,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  item: PortalMenuItem;
  index: number;
  count: number;
  /** The id of the datalist of suggested targets. */
  targetsId: string;
  problems: (path: string) => string[];
  onChange: (item: PortalMenuItem) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    attributes: { roleDescription: t('portalSettings.menu.dnd.roleDescription') },
  });
  const n = index + 1;
  const targetProblems = validTarget(item.to) ? problems('/to') : [t('portalSettings.menu.badTarget')];
  const toggle = (who: Audience, on: boolean) => {
    const list = audiences.filter((a) => (a === who ? on : item.audience?.includes(a)));
    const { audience: _, ...rest } = item;
    onChange(list.length ? { ...rest, audience: list } : rest);
  };
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'ps-menu-item dragging' : 'ps-menu-item'}
      data-testid={`ps-menu-item-${index}`}
    >
      <div className="ps-menu-head">
        <button
          type="button"
          className="fd-grip"
          {...attributes}
          {...listeners}
          aria-label={t('portalSettings.menu.drag', { n })}
        >
          ⠿
        </button>
        <strong>{t('portalSettings.menu.item', { n })}</strong>
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost pd-icon"
          disabled={index === 0}
          aria-label={t('portalSettings.menu.moveUp', { n })}
          onClick={() => onMove(index - 1)}
        >
          <Icon name="up" className="pd-svg" />
        </button>
        <button
          type="button"
          className="btn ghost pd-icon"
          disabled={index === count - 1}
          aria-label={t('portalSettings.menu.moveDown', { n })}
          onClick={() => onMove(index + 1)}
        >
          <Icon name="down" className="pd-svg" />
        </button>
        <button
          type="button"
          className="btn ghost pd-icon danger-text"
          aria-label={t('portalSettings.menu.remove', { n })}
          data-testid={`ps-menu-remove-${index}`}
          onClick={onRemove}
        >
          <Icon name="trash" className="pd-svg" />
        </button>
      </div>
      <div className="ps-menu-fields">
        <LocalizedInput
          classPrefix="pd"
          label={t('portalSettings.menu.label')}
          value={item.label}
          problems={problems('/label')}
          testId={`ps-menu-label-${index}`}
          onChange={(label) => onChange({ ...item, label: label ?? { ru: '' } })}
        />
        <label>
          {t('portalSettings.menu.target')}
          <input
            className="mono"
            list={targetsId}
            value={item.to}
            maxLength={2000}
            // A path or an address is code: no spelling marks, no translation.
            spellCheck={false}
            translate="no"
            data-testid={`ps-menu-to-${index}`}
            aria-invalid={targetProblems.length > 0}
            aria-describedby={id}
            onChange={(e) => onChange({ ...item, to: e.target.value.trim() })}
          />
          <Problems id={id} messages={targetProblems} />
        </label>
        <fieldset className="pd-audience ps-menu-audience">
          <legend>{t('portalSettings.menu.audience')}</legend>
          {audiences.map((who) => (
            <label key={who} className="pd-check">
              <input
                type="checkbox"
                checked={item.audience?.includes(who) ?? false}
                onChange={(e) => toggle(who, e.target.checked)}
              />
              {t(`pageDesigner.pageSettings.audiences.${who}`)}
            </label>
          ))}
        </fieldset>
      </div>
    </li>
  );
}
