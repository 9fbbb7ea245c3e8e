import type { PortalBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import { isDrawablePortal } from '../page-designer/body-shape';
import type { PointedProblem } from '../page-designer/problem-index';
import { useDesignerHistory } from '../state/use-designer-history';
import { AccountSection } from './AccountSection';
import { BrandingSection } from './BrandingSection';
import { ColorsSection } from './ColorsSection';
import './i18n';
import { NavigationSection } from './NavigationSection';
import type { Edit } from './portal-edit';
import { usePortalLookups } from './use-portal-lookups';
import '../page-designer/page-designer.css';
import './portal-settings.css';

/**
 * The portal as a whole (kind `portal`, key `main`): name and logo, colours, home page, menu, footer and the
 * account mapping, with undo/redo. Save and publish stay the definition page's job; the portal shows the
 * published version.
 */
export function PortalSettings(props: SettingsProps) {
  const { t } = useTranslation();
  if (!isDrawablePortal(props.body)) return <div className="banner warn">{t('pageDesigner.brokenBody')}</div>;
  return <Settings {...props} />;
}

interface SettingsProps {
  body: PortalBody;
  onChange: (body: PortalBody) => void;
  problems: readonly PointedProblem[];
}

function Settings({ body, onChange, problems }: SettingsProps) {
  const { t } = useTranslation();
  const [store, state] = useDesignerHistory(body, onChange);
  const lookups = usePortalLookups();
  const edit: Edit = (change) => store.change(change);
  const at = (path: string) =>
    problems
      .filter((p) => p.pointer !== null && (p.pointer === path || p.pointer.startsWith(`${path}/`)))
      .map((p) => p.message);
  const general = problems.filter((p) => p.pointer === '' || p.pointer === null).map((p) => p.message);
  const portal = state.body;
  return (
    <div className="portal-settings" data-testid="portal-settings">
      <div className="toolbar">
        <UndoRedoButtons
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          testIdPrefix="ps"
        />
        <span className="spacer" />
        <span className="hint">{t('portalSettings.publishHint')}</span>
      </div>
      {general.length > 0 && <div className="banner error">{general.join('; ')}</div>}
      <div className="ps-grid">
        <div className="ps-column">
          <BrandingSection body={portal} edit={edit} at={at} />
          <ColorsSection body={portal} edit={edit} at={at} />
          <AccountSection
            body={portal}
            edit={edit}
            at={at}
            entities={lookups.entities}
            failed={lookups.failed.includes('entities')}
          />
        </div>
        <div className="ps-column">
          <NavigationSection body={portal} edit={edit} at={at} lookups={lookups} />
        </div>
      </div>
    </div>
  );
}
