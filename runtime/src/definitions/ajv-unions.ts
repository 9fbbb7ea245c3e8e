import type { ErrorObject } from 'ajv';

/**
 * A value failing a union (a field of an unknown type, say) makes ajv report every branch's complaints.
 * Boil each union down: the errors of the branch whose `type` matches the value, or one "must be one of" error.
 * Branches are told apart by the data (ajv `verbose`), because errors behind a recursive $ref restart their schema paths.
 *
 * Outer unions are boiled down first, and a union gone with its outer union's members is skipped. Errors are
 * indexed by the union paths they lie under, so the work grows with errors × nesting depth, never errors × unions
 * (a hostile body can make both tens of thousands).
 */
export function simplifyUnions(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors
    .filter((e) => e.keyword === 'anyOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  if (!unions.length) return errors;
  // A Set keeps ajv's order, and an error deleted and added again moves to the end, as a union's survivors should.
  const alive = new Set(errors);
  const underUnion = indexUnderUnions(errors, new Set(unions.map((u) => u.instancePath)));
  for (const union of unions) {
    if (!alive.has(union)) continue;
    const members = (underUnion.get(union.instancePath) ?? []).filter((e) => e !== union && alive.has(e));
    const keep = keepFromUnion(union, members);
    alive.delete(union);
    for (const member of members) alive.delete(member);
    const wereMembers = new Set(members);
    for (const kept of keep) {
      alive.add(kept);
      // A synthesized error may lie under a union still to come (another one at the same path).
      if (!wereMembers.has(kept)) addUnderUnions(underUnion, kept);
    }
  }
  return [...alive];
}

/** For every union path, the errors at it or below it. */
function indexUnderUnions(errors: ErrorObject[], unionPaths: Set<string>): Map<string, ErrorObject[]> {
  const index = new Map<string, ErrorObject[]>([...unionPaths].map((path) => [path, []]));
  for (const error of errors) addUnderUnions(index, error);
  return index;
}

function addUnderUnions(index: Map<string, ErrorObject[]>, error: ErrorObject): void {
  const path = error.instancePath;
  // '' (the root) and every prefix ending before a '/': "/a", "/a/b", ... and the path itself.
  index.get('')?.push(error);
  for (let slash = path.indexOf('/', 1); slash !== -1; slash = path.indexOf('/', slash + 1))
    index.get(path.slice(0, slash))?.push(error);
  if (path) index.get(path)?.push(error);
}

type BranchSchema = { const?: unknown; properties?: { type?: { const?: unknown } } };

function keepFromUnion(union: ErrorObject, members: ErrorObject[]): ErrorObject[] {
  const branches = (Array.isArray(union.schema) ? union.schema : []) as BranchSchema[];
  const oneOf = (path: string, values: unknown[]): ErrorObject[] => [
    { keyword: 'enum', instancePath: path, schemaPath: union.schemaPath, params: { allowedValues: values } },
  ];
  if (branches.length && branches.every((b) => b.const !== undefined))
    return oneOf(
      union.instancePath,
      branches.map((b) => b.const),
    );
  const tags = branches.map((b) => b.properties?.type?.const);
  if (!tags.length || tags.some((t) => t === undefined)) return members;
  const value = (union.data as { type?: unknown } | null)?.type;
  const matched = tags.indexOf(value);
  if (matched < 0) return oneOf(`${union.instancePath}/type`, tags);
  // Errors of the matching branch, including those reported from inside a $ref (no branch in their path).
  const prefix = `${union.schemaPath}/`;
  return members.filter((e) => {
    const branch = e.schemaPath.startsWith(prefix)
      ? e.schemaPath.slice(prefix.length).split('/')[0]
      : undefined;
    return branch === undefined || branch === String(matched);
  });
}
