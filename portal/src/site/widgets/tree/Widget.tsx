import { useTranslation } from 'react-i18next';
import { TreeHelper } from '../../../help/TreeHelper';
import { localText } from '../../../lib/local-text';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** The interactive helper walking a published question tree in place on the page. */
export function TreeWidget({ config }: WidgetProps<'tree'>) {
  const { t, i18n } = useTranslation();
  const title = config.title ? localText(config.title, i18n.language) : t('site.widget.tree.title');
  return (
    <WidgetFrame type="tree" title={title}>
      <TreeHelper treeKey={config.tree} embedded />
    </WidgetFrame>
  );
}
