import { describe, expect, it } from 'vitest';
import { addressAllowed, classifyAddress } from './address-policy.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    // IPv4-compatible (deprecated) written in hex: judged by the IPv4 inside.
    ['::7f00:1', 'loopback'],
    ['::a9fe:a9fe', 'link-local'],
    ['::0a00:0001', 'private'],
    // SIIT IPv4-translated ::ffff:0:a.b.c.d.
    ['::ffff:0:7f00:1', 'loopback'],
    ['::ffff:0:10.1.2.3', 'private'],
    ['::ffff:0:5db8:d822', 'public'],
    // NAT64: the well-known /96 and the local-use /48 (only its /96 layout can be read; others are refused).
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::93.184.216.34', 'public'],
    ['64:ff9b:1::a9fe:a9fe', 'link-local'],
    ['64:ff9b:1::10.0.0.1', 'private'],
    ['64:ff9b:1::93.184.216.34', 'public'],
    ['64:ff9b:1:7f00:1::', 'reserved'],
    // 6to4: the IPv4 sits right after 2002:.
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:5db8:d822::1', 'public'],
    // Teredo: server IPv4, then the client's inverted; the less public of the two decides.
    ['2001:0:5db8:d822::80ff:fffe', 'loopback'],
    ['2001:0:0a00:1::a246:dd7d', 'private'],
    ['2001:0:5db8:d822::a246:dd7d', 'public'],
    // The rest of the IETF-reserved ::/8 leads nowhere public.
    ['::1:0:0:0:1', 'reserved'],
    ['93.184.216.34', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['172.32.0.1', 'public'],
    ['not-an-ip', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('addressAllowed', () => {
  const entries = ['10.0.0.5:8080', '10.0.1.0/24', '[fd00::5]:8443', 'fd00::/64'];

  it('opens an address only on the port its entry names', () => {
    expect(addressAllowed('10.0.0.5', 8080, entries, 443)).toBe(true);
    expect(addressAllowed('10.0.0.5', 22, entries, 443)).toBe(false);
    expect(addressAllowed('10.0.0.5', 443, entries, 443)).toBe(false);
    expect(addressAllowed('fd00::5', 8443, entries, 443)).toBe(true);
    expect(addressAllowed('fd00::5', 22, entries, 443)).toBe(false);
  });

  it('opens an entry without a port on the base URL port only', () => {
    expect(addressAllowed('10.0.1.77', 443, entries, 443)).toBe(true);
    expect(addressAllowed('10.0.1.77', 22, entries, 443)).toBe(false);
    expect(addressAllowed('fd00::77', 443, entries, 443)).toBe(true);
    expect(addressAllowed('fd00::77', 8080, entries, 443)).toBe(false);
  });

  it('matches the IPv4-mapped form of an allowed IPv4 address, nothing else', () => {
    expect(addressAllowed('::ffff:10.0.0.5', 8080, entries, 443)).toBe(true);
    expect(addressAllowed('10.0.0.6', 8080, entries, 443)).toBe(false);
    expect(addressAllowed('10.0.0.5', 8080, ['not an address', '10.0.0.5:8080'], 443)).toBe(true);
    expect(addressAllowed('10.0.0.5', 8080, undefined, 8080)).toBe(false);
  });
});
