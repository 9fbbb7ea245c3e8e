import type { PageWidgetType } from '@opora/runtime/definitions';
import type { ComponentType } from 'react';
import { AnnouncementsWidget } from './announcements/Widget';
import { ArticlesByTagWidget } from './articles-by-tag/Widget';
import { CategoriesWidget } from './categories/Widget';
import { ContactWidget } from './contact/Widget';
import { FeedbackFormWidget } from './feedback-form/Widget';
import { MyRequestsWidget } from './my-requests/Widget';
import { PopularArticlesWidget } from './popular-articles/Widget';
import { RichTextWidget } from './rich-text/Widget';
import { SearchWidget } from './search/Widget';
import { TreeWidget } from './tree/Widget';
import type { WidgetProps } from './widget-props';

/** One renderer per page widget type; the `satisfies` makes a new widget type a compile error until it has one. */
export const pageWidgetRenderers = {
  search: SearchWidget,
  tree: TreeWidget,
  'popular-articles': PopularArticlesWidget,
  categories: CategoriesWidget,
  'articles-by-tag': ArticlesByTagWidget,
  announcements: AnnouncementsWidget,
  'feedback-form': FeedbackFormWidget,
  'my-requests': MyRequestsWidget,
  contact: ContactWidget,
  'rich-text': RichTextWidget,
} satisfies { [T in PageWidgetType]: ComponentType<WidgetProps<T>> };

/** The renderer of a type, or undefined for a type this portal build does not know (a newer body). */
export function rendererOf(type: string): ComponentType<WidgetProps<PageWidgetType>> | undefined {
  return Object.hasOwn(pageWidgetRenderers, type)
    ? (pageWidgetRenderers[type as PageWidgetType] as ComponentType<WidgetProps<PageWidgetType>>)
    : undefined;
}
