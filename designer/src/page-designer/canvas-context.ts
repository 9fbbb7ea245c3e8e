import type { PageBody } from '@opora/runtime/definitions';
import { createContext, useContext } from 'react';
import type { ProblemIndex } from './problem-index';
import type { PageLookups } from './use-page-lookups';

/** What every part of the canvas needs, handed down once instead of through every row and column. */
export interface CanvasApi {
  lookups: PageLookups;
  problems: ProblemIndex;
  selected: string | null;
  /** The column «+» in the palette adds to (when no widget is selected). */
  targetColumn: string | null;
  select: (widgetId: string | null) => void;
  chooseColumn: (columnId: string) => void;
  /** One undoable step; `select` changes the selection with it. */
  edit: (change: (body: PageBody) => PageBody, select?: string | null) => void;
  askRemoveRow: (rowId: string) => void;
  /** Adds an empty one-column row at the end and makes its column the «+» target. */
  addRow: () => void;
}

export const CanvasContext = createContext<CanvasApi | null>(null);

export function useCanvas(): CanvasApi {
  const api = useContext(CanvasContext);
  if (!api) throw new Error('useCanvas outside the page designer');
  return api;
}
