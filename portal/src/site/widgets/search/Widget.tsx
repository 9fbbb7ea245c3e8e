import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../../kb/SearchBox';
import { localText } from '../../../lib/local-text';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** The knowledge-base search box with suggestions, under the author's heading. */
export function SearchWidget({ config }: WidgetProps<'search'>) {
  const { i18n } = useTranslation();
  const title = config.title ? localText(config.title, i18n.language) : null;
  return (
    <WidgetFrame type="search" title={title}>
      <SearchBox
        size="hero"
        placeholder={config.placeholder ? localText(config.placeholder, i18n.language) : undefined}
      />
    </WidgetFrame>
  );
}
