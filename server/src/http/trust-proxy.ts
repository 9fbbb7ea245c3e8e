import { isIP } from 'node:net';

/**
 * Who may tell the client's address in X-Forwarded-For (fastify's `trustProxy`): nobody (false), the nearest N
 * proxies (a hop count), or peers with these addresses, CIDR ranges or proxy-addr names (`loopback`,
 * `linklocal`, `uniquelocal`). Rate limits key on the address this yields.
 */
export type TrustProxy = false | number | string[];

const names = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Reads TRUST_PROXY: unset or `false` → trust nobody; `2` → two hops; `10.0.0.0/8,127.0.0.1` → these peers. */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true')
    throw new Error(
      'TRUST_PROXY=true would let every client choose its own address: give the number of proxies in front ' +
        '(e.g. 1) or their addresses (e.g. 10.0.0.0/8,127.0.0.1)',
    );
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !validEntry(entry));
  if (bad.length)
    throw new Error(
      `TRUST_PROXY must be false, a number of proxies, or addresses/CIDR ranges separated by commas; not ${bad.map((b) => `"${b}"`).join(', ')}`,
    );
  return entries;
}

function validEntry(entry: string): boolean {
  if (names.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Fastify's option for it (fastify takes a hop count at run time, but its types want the function form). */
export function fastifyTrustProxy(
  trust: TrustProxy | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust ?? false;
}
