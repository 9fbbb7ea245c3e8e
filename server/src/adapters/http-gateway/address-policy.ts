import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { parseAddressAllowance } from '@opora/runtime/definitions';

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'multicast'
  | 'reserved';

const v4: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const v6: [string, number, AddressClass][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  // The IETF-reserved ::/8 holds the forms with an IPv4 inside (judged by it, below) and nothing public.
  ['::', 8, 'reserved'],
];

// One set of lists per family: a BlockList also matches IPv4 addresses against IPv6 rules (as ::ffff:a.b.c.d).
function listsOf(
  ranges: [string, number, AddressClass][],
  family: 'ipv4' | 'ipv6',
): [AddressClass, BlockList][] {
  const lists = new Map<AddressClass, BlockList>();
  for (const [net, prefix, kind] of ranges)
    (lists.get(kind) ?? lists.set(kind, new BlockList()).get(kind)!).addSubnet(net, prefix, family);
  return [...lists];
}
const lists = { ipv4: listsOf(v4, 'ipv4'), ipv6: listsOf(v6, 'ipv6') };

/**
 * What kind of address this is. IPv6 forms that carry an IPv4 address are judged by the IPv4 address inside, so
 * they cannot smuggle one past: IPv4-mapped and -compatible, SIIT-translated, NAT64 (64:ff9b::/96 and the local
 * 64:ff9b:1::/48), 6to4 (2002::/16) and Teredo (2001::/32, by the less public of its server and client).
 */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return classifyWith(ip, 'ipv4');
  if (!isIPv6(ip)) return 'reserved';
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 7).every((g) => g === 0) && (groups[7] ?? 0) <= 1) return classifyWith(ip, 'ipv6');
  const embedded = embeddedIPv4(groups);
  if (embedded === 'opaque') return 'reserved';
  if (embedded) return leastPublic(embedded.map((inner) => classifyWith(inner, 'ipv4')));
  return classifyWith(ip, 'ipv6');
}

function classifyWith(ip: string, family: 'ipv4' | 'ipv6'): AddressClass {
  for (const [kind, list] of lists[family]) if (list.check(ip, family)) return kind;
  return 'public';
}

function leastPublic(kinds: AddressClass[]): AddressClass {
  return kinds.find((kind) => kind !== 'public') ?? 'public';
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 folded in). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - front.length - back.length).fill('0');
  return [...front, ...middle, ...back].map((group) => Number.parseInt(group, 16));
}

const dottedQuad = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
const zero = (groups: number[]): boolean => groups.every((g) => g === 0);

/**
 * The IPv4 addresses an IPv6 address leads to, if it is one of the forms that embed one; 'opaque' when it is such a
 * form but where the IPv4 sits cannot be known (a local NAT64 prefix other than /96): refused rather than guessed.
 */
function embeddedIPv4(g: number[]): string[] | 'opaque' | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const last = [dottedQuad(g6, g7)];
  if (zero([g0, g1, g2, g3, g4]) && (g5 === 0 || g5 === 0xffff)) return last; // ::a.b.c.d, ::ffff:a.b.c.d
  if (zero([g0, g1, g2, g3, g5]) && g4 === 0xffff) return last; // ::ffff:0:a.b.c.d (SIIT)
  if (g0 === 0x64 && g1 === 0xff9b && zero([g2, g3, g4, g5])) return last; // 64:ff9b::/96
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return zero([g3, g4, g5]) ? last : 'opaque'; // 64:ff9b:1::/48
  if (g0 === 0x2002) return [dottedQuad(g1, g2)]; // 6to4
  // Teredo: the server's IPv4, and the client's, stored inverted.
  if (g0 === 0x2001 && g1 === 0) return [dottedQuad(g2, g3), dottedQuad(g6 ^ 0xffff, g7 ^ 0xffff)];
  return null;
}

/**
 * Whether an administrator opened this (otherwise blocked) address on this port: entries are single addresses or
 * CIDR ranges, each for its own port or, without one, for `defaultPort` (the integration's base URL port).
 */
export function addressAllowed(
  address: string,
  port: number,
  entries: readonly string[] | undefined,
  defaultPort: number,
): boolean {
  const family = isIPv6(address) ? 'ipv6' : 'ipv4';
  return (entries ?? []).some((entry) => {
    const allowance = parseAddressAllowance(entry);
    if (!allowance || (allowance.port ?? defaultPort) !== port) return false;
    const list = new BlockList();
    const type = allowance.family === 6 ? 'ipv6' : 'ipv4';
    if (allowance.prefix === undefined) list.addAddress(allowance.address, type);
    else list.addSubnet(allowance.address, allowance.prefix, type);
    return list.check(address, family);
  });
}
