/**
 * Designer edits as data: each operation changes one place of a definition body, is plain JSON (so it can be
 * stored in the undo history and, later, sent to the other editors of the same draft), and has an exact inverse.
 *
 * A path names a place from the body down: object keys are strings, array positions numbers (`['nodes', 3,
 * 'title']`). Values are JSON values (no `undefined`: an absent key is absent). Operations never change the body
 * they are applied to; they answer a new one that shares every untouched part with the old (React sees what
 * changed by identity).
 */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export type Operation =
  /** Replaces the value at an existing place (`path: []` replaces the whole body). */
  | { op: 'set'; path: Path; value: unknown; previous: unknown }
  /** Adds a value: at an array position (shifting the later ones), or under an object key not there yet. */
  | { op: 'insert'; path: Path; value: unknown }
  /** Takes away the value at a place; `value` is what was there, so the removal can be undone. */
  | { op: 'remove'; path: Path; value: unknown }
  /**
   * Takes the value at `from` and inserts it at `path`, which is read after the removal (as JSON Patch does; so a
   * value can never land inside itself, and the inverse is simply the move back).
   */
  | { op: 'move'; from: Path; path: Path };

/** An operation that does not fit the body it was applied to (a stale or hand-made one). */
export class OperationError extends Error {
  constructor(operation: Operation, reason: string) {
    super(`${operation.op} ${pointer(operation.path)}: ${reason}`);
  }
}

const pointer = (path: Path) => `/${path.join('/')}`;

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Only own keys are followed: a path through `__proto__` or `constructor` leads nowhere. */
function has(container: Container, segment: PathSegment): boolean {
  if (Array.isArray(container))
    return (
      typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < container.length
    );
  return typeof segment === 'string' && Object.hasOwn(container, segment);
}

/** The value at a place, or `undefined` when there is none. */
export function valueAt(doc: unknown, path: Path): unknown {
  let at = doc;
  for (const segment of path) {
    if (!isContainer(at) || !has(at, segment)) return undefined;
    at = (at as Record<PathSegment, unknown>)[segment];
  }
  return at;
}

/** The body with the container at `path` replaced by `change(container)`, copying only the containers above it. */
function updateAt(
  doc: unknown,
  path: Path,
  change: (container: Container) => Container,
  operation: Operation,
): unknown {
  if (path.length === 0) {
    if (!isContainer(doc)) throw new OperationError(operation, 'no object or array there');
    return change(doc);
  }
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (!isContainer(doc) || !has(doc, head)) throw new OperationError(operation, 'no such place');
  const inner = updateAt((doc as Record<PathSegment, unknown>)[head], rest, change, operation);
  return replaceIn(doc, head, inner);
}

function replaceIn(container: Container, segment: PathSegment, value: unknown): Container {
  if (Array.isArray(container)) return container.map((item, i) => (i === segment ? value : item));
  // A computed key defines an own property even for '__proto__' (an assignment would call the setter instead).
  return { ...container, [segment]: value };
}

function insertInto(
  container: Container,
  segment: PathSegment,
  value: unknown,
  operation: Operation,
): Container {
  if (Array.isArray(container)) {
    if (
      typeof segment !== 'number' ||
      !Number.isInteger(segment) ||
      segment < 0 ||
      segment > container.length
    )
      throw new OperationError(operation, 'position out of range');
    return [...container.slice(0, segment), value, ...container.slice(segment)];
  }
  if (typeof segment !== 'string')
    throw new OperationError(operation, 'an object takes a key, not a position');
  if (Object.hasOwn(container, segment)) throw new OperationError(operation, 'key already there');
  return { ...container, [segment]: value };
}

function removeFrom(container: Container, segment: PathSegment, operation: Operation): Container {
  if (!has(container, segment)) throw new OperationError(operation, 'no such place');
  if (Array.isArray(container)) return container.filter((_, i) => i !== segment);
  const { [segment]: _removed, ...rest } = container;
  return rest;
}

const split = (path: Path): [Path, PathSegment] => [path.slice(0, -1), path.at(-1) as PathSegment];

function set(doc: unknown, path: Path, value: unknown, operation: Operation): unknown {
  if (path.length === 0) return value;
  const [parent, last] = split(path);
  return updateAt(
    doc,
    parent,
    (container) => {
      if (!has(container, last)) throw new OperationError(operation, 'no such place');
      return replaceIn(container, last, value);
    },
    operation,
  );
}

function insert(doc: unknown, path: Path, value: unknown, operation: Operation): unknown {
  if (path.length === 0) throw new OperationError(operation, 'the body itself cannot be inserted');
  const [parent, last] = split(path);
  return updateAt(doc, parent, (container) => insertInto(container, last, value, operation), operation);
}

function remove(doc: unknown, path: Path, operation: Operation): unknown {
  if (path.length === 0) throw new OperationError(operation, 'the body itself cannot be removed');
  const [parent, last] = split(path);
  return updateAt(doc, parent, (container) => removeFrom(container, last, operation), operation);
}

/** Applies one operation; throws `OperationError` when it does not fit the body. */
export function apply<T>(doc: T, operation: Operation): T {
  switch (operation.op) {
    case 'set':
      return set(doc, operation.path, operation.value, operation) as T;
    case 'insert':
      return insert(doc, operation.path, operation.value, operation) as T;
    case 'remove':
      return remove(doc, operation.path, operation) as T;
    case 'move': {
      if (operation.from.length === 0) throw new OperationError(operation, 'the body itself cannot move');
      const [parent, last] = split(operation.from);
      const container = valueAt(doc, parent);
      if (!isContainer(container) || !has(container, last))
        throw new OperationError(operation, 'nothing to move');
      const value = (container as Record<PathSegment, unknown>)[last];
      return insert(remove(doc, operation.from, operation), operation.path, value, operation) as T;
    }
  }
}

/** Applies operations in order. */
export const applyAll = <T>(doc: T, operations: readonly Operation[]): T =>
  operations.reduce((at, operation) => apply(at, operation), doc);

/** The operation that undoes `operation` (applied right after it). */
export function inverse(operation: Operation): Operation {
  switch (operation.op) {
    case 'set':
      return { op: 'set', path: operation.path, value: operation.previous, previous: operation.value };
    case 'insert':
      return { op: 'remove', path: operation.path, value: operation.value };
    case 'remove':
      return { op: 'insert', path: operation.path, value: operation.value };
    case 'move':
      return { op: 'move', from: operation.path, path: operation.from };
  }
}

/** The operations that undo a list of operations: each inverse, last first. */
export const invert = (operations: readonly Operation[]): Operation[] => operations.map(inverse).reverse();

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((segment, i) => segment === b[i]);

/**
 * `earlier` followed by `later`, with a value written twice in a row kept as one write: typing a word into a
 * field is one operation in the history, not one per letter. Applying the result equals applying both lists.
 */
export function concatOperations(earlier: readonly Operation[], later: readonly Operation[]): Operation[] {
  const result = [...earlier];
  for (const operation of later) {
    const last = result.at(-1);
    if (
      operation.op === 'set' &&
      last &&
      (last.op === 'set' || last.op === 'insert') &&
      samePath(last.path, operation.path)
    )
      result[result.length - 1] = { ...last, value: operation.value };
    else result.push(operation);
  }
  return result;
}
