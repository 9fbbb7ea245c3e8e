import type { Operation, Path } from './operations';

/**
 * The operations that turn one body into another: what an edit did, as data. Designers write their edits as pure
 * functions of the body (easy to test), and the edit history records the difference they made as operations.
 *
 * Places that did not change are not visited (identical references are skipped), changed scalars become `set`,
 * added and removed keys `insert` and `remove`. Arrays whose items all have an identity (objects with a string
 * `id`, or distinct strings such as a node's children) are compared by identity: a dragged item becomes one
 * `move`, not a rewrite of every item after it. Other arrays are compared position by position.
 */
export function diff(before: unknown, after: unknown, path: Path = []): Operation[] {
  if (before === after) return [];
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path);
  if (isRecord(before) && isRecord(after)) return diffObjects(before, after, path);
  return [{ op: 'set', path, value: after, previous: before }];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys whose value is `undefined` are absent, as in JSON. */
const present = (record: Record<string, unknown>) =>
  Object.keys(record).filter((k) => record[k] !== undefined);

function diffObjects(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: Path,
): Operation[] {
  const operations: Operation[] = [];
  const keep = new Set(present(after));
  for (const key of present(before))
    if (!keep.has(key)) operations.push({ op: 'remove', path: [...path, key], value: before[key] });
  for (const key of keep)
    operations.push(
      ...(before[key] === undefined
        ? [{ op: 'insert', path: [...path, key], value: after[key] } as const]
        : diff(before[key], after[key], [...path, key])),
    );
  return operations;
}

/** An item's identity: an object's string `id`, or a string itself. */
function identity(item: unknown): string | null {
  if (typeof item === 'string') return `s:${item}`;
  if (isRecord(item) && typeof item.id === 'string') return `id:${item.id}`;
  return null;
}

function identities(items: readonly unknown[]): string[] | null {
  const keys = items.map(identity);
  if (keys.some((k) => k === null) || new Set(keys).size !== keys.length) return null;
  return keys as string[];
}

function diffArrays(before: readonly unknown[], after: readonly unknown[], path: Path): Operation[] {
  const from = identities(before);
  const to = identities(after);
  return from && to ? diffByIdentity(before, from, after, to, path) : diffByPosition(before, after, path);
}

function diffByPosition(before: readonly unknown[], after: readonly unknown[], path: Path): Operation[] {
  const operations: Operation[] = [];
  const common = Math.min(before.length, after.length);
  for (let i = 0; i < common; i += 1) operations.push(...diff(before[i], after[i], [...path, i]));
  for (let i = before.length - 1; i >= after.length; i -= 1)
    operations.push({ op: 'remove', path: [...path, i], value: before[i] });
  for (let i = common; i < after.length; i += 1)
    operations.push({ op: 'insert', path: [...path, i], value: after[i] });
  return operations;
}

/**
 * Removes the items that went, then places the rest back to front, each right before the item that follows it
 * in `after`. Items in the longest run that kept their order stay where they are, so a reorder costs one `move`
 * per item that really moved. Then each kept item is compared with its new self.
 */
function diffByIdentity(
  before: readonly unknown[],
  beforeKeys: string[],
  after: readonly unknown[],
  afterKeys: string[],
  path: Path,
): Operation[] {
  const operations: Operation[] = [];
  const wanted = new Set(afterKeys);
  const keys: string[] = [];
  const items: unknown[] = [];
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const key = beforeKeys[i] as string;
    if (wanted.has(key)) {
      keys.unshift(key);
      items.unshift(before[i]);
    } else operations.push({ op: 'remove', path: [...path, i], value: before[i] });
  }
  const target = new Map(afterKeys.map((key, i) => [key, i]));
  const stable = longestIncreasingRun(keys, (key) => target.get(key) as number);
  const inserted = new Set<string>();
  for (let i = afterKeys.length - 1; i >= 0; i -= 1) {
    const key = afterKeys[i] as string;
    if (stable.has(key)) continue;
    const next = afterKeys[i + 1];
    const at = keys.indexOf(key);
    if (at < 0) {
      const to = next === undefined ? keys.length : keys.indexOf(next);
      operations.push({ op: 'insert', path: [...path, to], value: after[i] });
      keys.splice(to, 0, key);
      items.splice(to, 0, after[i]);
      inserted.add(key);
      continue;
    }
    const [item] = items.splice(at, 1);
    keys.splice(at, 1);
    const to = next === undefined ? keys.length : keys.indexOf(next);
    if (to !== at) operations.push({ op: 'move', from: [...path, at], path: [...path, to] });
    keys.splice(to, 0, key);
    items.splice(to, 0, item);
  }
  afterKeys.forEach((key, i) => {
    if (!inserted.has(key)) operations.push(...diff(items[i], after[i], [...path, i]));
  });
  return operations;
}

/** The keys of the longest subsequence of `keys` whose ranks increase (patience sorting, n log n). */
function longestIncreasingRun(keys: readonly string[], rank: (key: string) => number): Set<string> {
  const tails: number[] = [];
  const previous: number[] = new Array(keys.length).fill(-1);
  keys.forEach((key, i) => {
    const r = rank(key);
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (rank(keys[tails[mid] as number] as string) < r) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  });
  const run = new Set<string>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) run.add(keys[i] as string);
  return run;
}
