import type { PageBody } from '@opora/runtime/definitions';

export interface PointedProblem {
  pointer: string | null;
  message: string;
}

/** Draft problems sorted by what they concern, so each is shown next to it. */
export interface ProblemIndex {
  /** By widget id: [pointer inside the widget's config ('' = the config itself), message]. */
  widgets: Map<string, [string, string][]>;
  /** By row or column id. */
  layout: Map<string, string[]>;
  /** Page settings by top-level pointer (/title, /path, …); anything else lands under ''. */
  page: Map<string, string[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

export function indexProblems(body: PageBody, problems: readonly PointedProblem[]): ProblemIndex {
  const index: ProblemIndex = { widgets: new Map(), layout: new Map(), page: new Map() };
  for (const { pointer, message } of problems) {
    const at = /^\/rows\/(\d+)(?:\/columns\/(\d+)(?:\/widgets\/(\d+)(\/.*)?)?)?/.exec(pointer ?? '');
    if (!at) {
      const top = /^\/[^/]+/.exec(pointer ?? '')?.[0] ?? '';
      push(index.page, top, message);
      continue;
    }
    const row = body.rows[Number(at[1])];
    const column = at[2] !== undefined ? row?.columns[Number(at[2])] : undefined;
    const widget = at[3] !== undefined ? column?.widgets[Number(at[3])] : undefined;
    if (widget) {
      const rest = at[4] ?? '';
      push(index.widgets, widget.id, [rest.startsWith('/config') ? rest.slice(7) : rest, message]);
    } else if (column ?? row) push(index.layout, (column ?? row)?.id as string, message);
    else push(index.page, '', message);
  }
  return index;
}

/** The messages for one setting of a widget: its pointer and anything below it (`/title` covers `/title/ru`). */
export const problemsAt = (list: readonly [string, string][] | undefined, path: string): string[] =>
  (list ?? []).filter(([p]) => p === path || p.startsWith(`${path}/`)).map(([, m]) => m);
