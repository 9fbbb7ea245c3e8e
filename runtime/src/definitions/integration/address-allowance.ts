import { type Locale, type Problem, pick } from '../kinds.js';

/**
 * One entry of an integration's `allowedAddresses`: an otherwise blocked (loopback, private…) address or CIDR range,
 * opened on one port. Written `10.0.0.5`, `10.0.0.0/24`, `10.0.0.5:8080`, `fd00::5`, `[fd00::5]:8080` or
 * `[fd00::/64]:8080`; an entry without a port opens only the port of the integration's base URL.
 */
export interface AddressAllowance {
  address: string;
  family: 4 | 6;
  /** CIDR prefix length; absent for a single address. */
  prefix?: number;
  /** Absent: the base URL's port. */
  port?: number;
}

const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Reads an entry, or null when it is not one (no host names: the point is to name the very address). */
export function parseAddressAllowance(entry: string): AddressAllowance | null {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const v4 = /^([\d.]+)(?:\/(\d{1,2}))?(?::(\d{1,5}))?$/.exec(entry);
  let range: string;
  let portText: string | undefined;
  if (bracketed) [, range = '', portText] = bracketed;
  else if (v4) {
    range = v4[2] === undefined ? (v4[1] ?? '') : `${v4[1]}/${v4[2]}`;
    portText = v4[3];
  } else range = entry;
  const [address = '', prefixText, ...rest] = range.split('/');
  if (rest.length) return null;
  const family = ipv4.test(address) ? 4 : isIPv6(address) ? 6 : null;
  if (!family || (v4 && family !== 4) || (bracketed && family !== 6)) return null;
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  if (prefix !== undefined && (!/^\d{1,3}$/.test(prefixText ?? '') || prefix > (family === 4 ? 32 : 128)))
    return null;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) return null;
  return {
    address,
    family,
    ...(prefix !== undefined ? { prefix } : {}),
    ...(port !== undefined ? { port } : {}),
  };
}

/** The URL parser knows IPv6 in every browser and in Node; zone ids (`%eth0`) are refused. */
function isIPv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}

/** One problem per entry that is not an address, range or address with a port. */
export function addressAllowanceProblems(entries: readonly string[], locale: Locale): Problem[] {
  return entries.flatMap((entry, index) =>
    parseAddressAllowance(entry)
      ? []
      : [
          {
            pointer: `/allowedAddresses/${index}`,
            code: 'invalid_address',
            message: pick(
              locale,
              `«${entry}» — не IP-адрес и не диапазон CIDR, с портом или без: 10.0.0.5, 10.0.0.0/24, 10.0.0.5:8080, [fd00::5]:8080`,
              `"${entry}" is not an IP address or CIDR range, with or without a port: 10.0.0.5, 10.0.0.0/24, 10.0.0.5:8080, [fd00::5]:8080`,
            ),
          },
        ],
  );
}
