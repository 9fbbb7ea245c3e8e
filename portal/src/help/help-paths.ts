/**
 * One address per step of the helper, so a step can be shared and reopened: `/help/<tree>/<id>/<id>…` on its own
 * page, or `?step=<id>/<id>…` on the page that embeds it. Node ids are `[A-Za-z0-9_-]`, but every part is encoded
 * anyway because the address may come from anywhere.
 */

const split = (s: string): string[] =>
  s
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });

/** `/help/support` + ['account', 'auth-problems'] → `/help/support/account/auth-problems`. */
export const helpPath = (tree: string, path: readonly string[]): string =>
  ['/help', tree, ...path].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');

/** The tree and the path of a helper address; null when it is not one. The query string is ignored. */
export function parseHelpPath(address: string): { tree: string; path: string[] } | null {
  const [first, tree, ...path] = split(address.split(/[?#]/)[0] ?? '');
  if (first !== 'help' || !tree) return null;
  return { tree, path };
}

/** The path kept in `?step=` of an embedding page. */
export function stepFromQuery(address: string): string[] {
  const at = address.indexOf('?');
  if (at < 0) return [];
  return split(new URLSearchParams(address.slice(at + 1).split('#')[0]).get('step') ?? '');
}

/** The embedding page's address with `?step=` set to the path (or removed at the start); other parameters stay. */
export function withStep(address: string, path: readonly string[]): string {
  const [beforeHash] = address.split('#');
  const at = (beforeHash ?? '').indexOf('?');
  const pathname = at < 0 ? (beforeHash ?? '') : (beforeHash ?? '').slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : (beforeHash ?? '').slice(at + 1));
  if (path.length > 0) params.set('step', path.join('/'));
  else params.delete('step');
  // Slashes between ids read better than %2F and are safe in a query value.
  const query = params.toString().replace(/%2F/g, '/');
  return query ? `${pathname}?${query}` : pathname;
}

export const samePath = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);
