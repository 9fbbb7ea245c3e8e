import type { PageWidgetType } from '@opora/runtime/definitions';
import { AnnouncementsPanel } from './announcements/Panel';
import { ArticlesByTagPanel } from './articles-by-tag/Panel';
import { CategoriesPanel } from './categories/Panel';
import { ContactPanel } from './contact/Panel';
import { FeedbackFormPanel } from './feedback-form/Panel';
import { MyRequestsPanel } from './my-requests/Panel';
import type { WidgetPanel } from './panel-types';
import { PopularArticlesPanel } from './popular-articles/Panel';
import { RichTextPanel } from './rich-text/Panel';
import { SearchPanel } from './search/Panel';
import { TreePanel } from './tree/Panel';

/** One settings panel per widget type, each typed by its own type's settings. */
export const widgetPanels = {
  search: SearchPanel,
  tree: TreePanel,
  'popular-articles': PopularArticlesPanel,
  categories: CategoriesPanel,
  'articles-by-tag': ArticlesByTagPanel,
  announcements: AnnouncementsPanel,
  'feedback-form': FeedbackFormPanel,
  'my-requests': MyRequestsPanel,
  contact: ContactPanel,
  'rich-text': RichTextPanel,
} satisfies { [T in PageWidgetType]: WidgetPanel<T> } satisfies Record<PageWidgetType, unknown>;
