import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayRefusal,
  HttpGateway,
  type IntegrationPolicy,
} from '@opora/server/adapters/http-gateway/http-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * SSRF attempts against the HTTP gateway. Blocked addresses are refused before any connection is made, so these
 * tests send no traffic anywhere but to the local test server on 127.0.0.1.
 */
describe('HTTP gateway: SSRF defences', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  // Another service on the same host (think SSH or a database) that no entry opens.
  let other: Server;
  let otherPort: number;
  let otherConnections = 0;
  const gateway = new HttpGateway();
  const local = (extra: Partial<IntegrationPolicy> = {}): IntegrationPolicy => ({
    allowedHosts: ['127.0.0.1', 'localhost', 'crm.test'],
    allowedAddresses: [`127.0.0.1:${port}`],
    ...extra,
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/redirect') {
        res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      } else if (url.pathname === '/big') {
        res.end('x'.repeat(50_000));
      } else if (url.pathname === '/slow') {
        setTimeout(() => res.end('late'), 2000);
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ path: url.pathname, host: req.headers.host }));
      }
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    other = createServer((_req, res) => res.end('other service'));
    other.on('connection', () => otherConnections++);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherPort = (other.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GatewayRefusal);
    return error as GatewayRefusal;
  };

  it('reaches an allowlisted local address', async () => {
    const res = await gateway.fetch(local(), { url: `http://127.0.0.1:${port}/clients?email=a` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ path: '/clients' });
  });

  it.each([
    ['loopback', 'http://127.0.0.1:{port}/'],
    ['loopback (other)', 'http://127.1.2.3:{port}/'],
    ['private 10/8', 'http://10.0.0.1/'],
    ['private 172.16/12', 'http://172.16.5.4/'],
    ['private 192.168/16', 'http://192.168.1.1/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['unspecified', 'http://0.0.0.0:{port}/'],
    ['multicast', 'http://224.0.0.1/'],
    ['IPv6 loopback', 'http://[::1]:{port}/'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:{port}/'],
    ['IPv4-mapped metadata', 'http://[::ffff:a9fe:a9fe]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['IPv6 unique local', 'http://[fc00::1]/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv4-compatible loopback in hex', 'http://[::7f00:1]:{port}/'],
    ['IPv4-compatible metadata in hex', 'http://[::a9fe:a9fe]/'],
    ['IPv4-translated (SIIT) loopback', 'http://[::ffff:0:7f00:1]:{port}/'],
    ['NAT64 loopback', 'http://[64:ff9b::7f00:1]:{port}/'],
    ['NAT64 private', 'http://[64:ff9b::10.0.0.1]/'],
    ['local-use NAT64 metadata', 'http://[64:ff9b:1::a9fe:a9fe]/'],
    ['local-use NAT64 of unknown layout', 'http://[64:ff9b:1:7f00:1::]/'],
    ['6to4 of loopback', 'http://[2002:7f00:1::1]:{port}/'],
    ['6to4 of a private network', 'http://[2002:c0a8:101::1]/'],
    ['Teredo with a loopback client', 'http://[2001:0:5db8:d822::80ff:fffe]/'],
  ])('refuses %s before connecting', async (_name, template) => {
    const before = connections;
    const url = template.replace('{port}', String(port));
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const error = await refusal(gateway.fetch({ allowedHosts: [host] }, { url }));
    expect(error.reason).toBe('address');
    expect(connections).toBe(before);
  });

  it('opens an allowlisted address on its port only, also after a redirect', async () => {
    const before = otherConnections;
    const otherService = `http://127.0.0.1:${otherPort}/`;
    expect((await refusal(gateway.fetch(local(), { url: otherService }))).reason).toBe('address');
    const redirected = `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(otherService)}`;
    expect((await refusal(gateway.fetch(local(), { url: redirected }))).reason).toBe('address');
    expect(otherConnections).toBe(before);
  });

  it('opens an entry without a port on the base URL port only', async () => {
    const portless = local({ allowedAddresses: ['127.0.0.1'], defaultPort: port });
    expect((await gateway.fetch(portless, { url: `http://127.0.0.1:${port}/x` })).status).toBe(200);
    const error = await refusal(gateway.fetch(portless, { url: `http://127.0.0.1:${otherPort}/` }));
    expect(error.reason).toBe('address');
    expect(error.message).toContain(`port ${otherPort}`);
    // Without a base URL port, the scheme's standard one.
    const bare = local({ allowedAddresses: ['127.0.0.1'] });
    expect((await refusal(gateway.fetch(bare, { url: `http://127.0.0.1:${port}/` }))).reason).toBe('address');
  });

  it('refuses a DNS name that resolves to loopback', async () => {
    const error = await refusal(
      gateway.fetch({ allowedHosts: ['localhost'] }, { url: `http://localhost:${port}/` }),
    );
    expect(error.reason).toBe('address');
  });

  it('re-checks every redirect hop', async () => {
    const toMetadata = `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent('http://169.254.169.254/')}`;
    expect(
      (
        await refusal(
          gateway.fetch(local({ allowedHosts: ['127.0.0.1', '169.254.169.254'] }), { url: toMetadata }),
        )
      ).reason,
    ).toBe('address');
    const toOtherHost = `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent('http://evil.test/')}`;
    expect((await refusal(gateway.fetch(local(), { url: toOtherHost }))).reason).toBe('host');
    const ok = await gateway.fetch(local(), { url: `http://127.0.0.1:${port}/redirect?to=/final` });
    expect(JSON.parse(ok.body).path).toBe('/final');
  });

  it('connects to the address it checked: a rebinding resolver cannot switch it', async () => {
    const answers = ['127.0.0.1', '10.0.0.1'];
    let lookups = 0;
    const rebinding = new HttpGateway(async () => [{ address: answers[Math.min(lookups++, 1)]!, family: 4 }]);
    const res = await rebinding.fetch(local(), { url: `http://crm.test:${port}/lookup` });
    expect(JSON.parse(res.body)).toMatchObject({ path: '/lookup', host: `crm.test:${port}` });
    expect(lookups).toBe(1);
  });

  it('allows only http and https, and only the integration’s hosts', async () => {
    expect((await refusal(gateway.fetch(local(), { url: 'file:///etc/passwd' }))).reason).toBe('protocol');
    expect((await refusal(gateway.fetch(local(), { url: 'ftp://127.0.0.1/' }))).reason).toBe('protocol');
    expect((await refusal(gateway.fetch(local(), { url: 'http://example.org/' }))).reason).toBe('host');
  });

  it('caps response size and time', async () => {
    expect(
      (
        await refusal(
          gateway.fetch(local({ maxResponseBytes: 1000 }), { url: `http://127.0.0.1:${port}/big` }),
        )
      ).reason,
    ).toBe('size');
    expect(
      (await refusal(gateway.fetch(local({ timeoutMs: 300 }), { url: `http://127.0.0.1:${port}/slow` })))
        .reason,
    ).toBe('timeout');
  });
});
