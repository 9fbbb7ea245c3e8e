import type { PageWidgetConfig, PageWidgetType } from '@opora/runtime/definitions';

/** What every page widget gets: its id on the page and its settings, typed by its type. */
export interface WidgetProps<T extends PageWidgetType> {
  id: string;
  config: PageWidgetConfig<T>;
}
