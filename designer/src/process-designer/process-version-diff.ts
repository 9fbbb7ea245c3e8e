import type { ProcessBody, ProcessFlow, ProcessNode } from '@opora/runtime/definitions';
import { sameJson } from '../state/same-json';

/** How a draft differs from a published version, node by node and flow by flow (layout aside). */
export interface ProcessVersionDiff {
  added: ProcessNode[];
  removed: ProcessNode[];
  changed: ProcessNode[];
  flowsAdded: ProcessFlow[];
  flowsRemoved: ProcessFlow[];
  flowsChanged: ProcessFlow[];
  /** The title, variables, lanes or other settings differ. */
  settingsChanged: boolean;
}

/** What the draft added, removed or changed against `version`; null when either is not a process body. */
export function processVersionDiff(version: unknown, draft: unknown): ProcessVersionDiff | null {
  if (!isProcess(version) || !isProcess(draft)) return null;
  const nodes = compare(version.nodes, draft.nodes, ({ position: _, ...rest }) => rest);
  const flows = compare(version.flows, draft.flows, ({ waypoints: _, ...rest }) => rest);
  const { nodes: _vn, flows: _vf, ...versionSettings } = version;
  const { nodes: _dn, flows: _df, ...draftSettings } = draft;
  return {
    ...nodes,
    flowsAdded: flows.added,
    flowsRemoved: flows.removed,
    flowsChanged: flows.changed,
    settingsChanged: !sameJson(versionSettings, draftSettings),
  };
}

export const isSame = (d: ProcessVersionDiff): boolean =>
  !d.added.length &&
  !d.removed.length &&
  !d.changed.length &&
  !d.flowsAdded.length &&
  !d.flowsRemoved.length &&
  !d.flowsChanged.length &&
  !d.settingsChanged;

/** Items by id: new, gone, and those whose meaning (`meaning` drops the layout) changed. */
function compare<T extends { id: string }>(before: T[], after: T[], meaning: (item: T) => unknown) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    changed: after.filter((x) => {
      const was = old.get(x.id);
      return was !== undefined && !sameJson(meaning(was), meaning(x));
    }),
  };
}

function isProcess(body: unknown): body is ProcessBody {
  const b = body as Partial<ProcessBody> | null;
  const listOfIds = (list: unknown) =>
    Array.isArray(list) && list.every((x) => !!x && typeof x === 'object' && typeof x.id === 'string');
  return !!b && listOfIds(b.nodes) && listOfIds(b.flows);
}
