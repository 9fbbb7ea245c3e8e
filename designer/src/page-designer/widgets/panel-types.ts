import type { PageWidgetConfig, PageWidgetType } from '@opora/runtime/definitions';
import type { ReactNode } from 'react';
import type { PageLookups } from '../use-page-lookups';

/** What every widget settings panel gets: its widget's settings, typed by the widget type. */
export interface PanelProps<T extends PageWidgetType> {
  config: PageWidgetConfig<T>;
  /** One call is one undoable step. */
  onChange: (config: PageWidgetConfig<T>) => void;
  /** Draft problems for one setting, by its pointer inside the settings (`/count`, `/title`). */
  problems: (path: string) => string[];
  lookups: PageLookups;
}

export type WidgetPanel<T extends PageWidgetType> = (props: PanelProps<T>) => ReactNode;

/** The settings with one key set, or removed when the value is empty (optional settings stay absent). */
export function withSetting<C extends object, K extends keyof C>(
  config: C,
  key: K,
  value: C[K] | undefined,
): C {
  const next = { ...config };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}
