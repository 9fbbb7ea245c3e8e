import type { TSchema } from '@sinclair/typebox';
import { AnnouncementsWidgetConfig } from './announcements.js';
import { ArticlesByTagWidgetConfig } from './articles-by-tag.js';
import { CategoriesWidgetConfig } from './categories.js';
import { ContactWidgetConfig } from './contact.js';
import { FeedbackFormWidgetConfig } from './feedback-form.js';
import { MyRequestsWidgetConfig } from './my-requests.js';
import { PopularArticlesWidgetConfig } from './popular-articles.js';
import { RichTextWidgetConfig } from './rich-text.js';
import { SearchWidgetConfig } from './search.js';
import { TreeWidgetConfig } from './tree.js';

/** Every widget a portal page can hold, by its stable type id, with the schema of its settings. */
export const pageWidgetConfigs = {
  search: SearchWidgetConfig,
  tree: TreeWidgetConfig,
  'popular-articles': PopularArticlesWidgetConfig,
  categories: CategoriesWidgetConfig,
  'articles-by-tag': ArticlesByTagWidgetConfig,
  announcements: AnnouncementsWidgetConfig,
  'feedback-form': FeedbackFormWidgetConfig,
  'my-requests': MyRequestsWidgetConfig,
  contact: ContactWidgetConfig,
  'rich-text': RichTextWidgetConfig,
} satisfies Record<string, TSchema>;

export type PageWidgetType = keyof typeof pageWidgetConfigs;
export const pageWidgetTypes = Object.keys(pageWidgetConfigs) as PageWidgetType[];
