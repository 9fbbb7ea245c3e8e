import type { EditorProblem } from '../state/use-definition-draft';

/**
 * Problems only the server can find (it knows the other definitions): a second default line, channels not
 * published. Everything else the form checks itself on every change, so a refusal fixed in the form disappears at
 * once instead of lingering until the next save.
 */
const serverOnly = (pointer: string): boolean =>
  pointer === '/isDefault' ||
  /^\/channels\/\d+$/.test(pointer) ||
  /^\/rules\/\d+\/channels\/\d+$/.test(pointer);

/**
 * The first problem at a pointer or inside it (`/hours` also takes `/hours/week/0/to`): from the form's own check
 * of the body as it is now (`local`), else from the server's last refusal where only the server could tell.
 */
export function problemFinder(
  local: readonly { pointer: string; message: string }[],
  all: readonly EditorProblem[],
) {
  const inside = (pointer: string) => (p: { pointer: string | null }) =>
    p.pointer === pointer || Boolean(p.pointer?.startsWith(`${pointer}/`));
  const server = all.filter((p) => p.source === 'server' && p.pointer !== null && serverOnly(p.pointer));
  return (pointer: string): string | undefined =>
    (local.find(inside(pointer)) ?? server.find(inside(pointer)))?.message;
}
