import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { hostAllowed } from '@opora/runtime/definitions';
import { type AddressClass, addressAllowed, classifyAddress } from './address-policy.js';

/** What an integration allows: which hosts, which otherwise-blocked addresses, how long, how much. */
export interface IntegrationPolicy {
  /** Host names the integration may call; `*.example.com` matches subdomains. */
  allowedHosts: string[];
  /**
   * Private or loopback addresses an administrator explicitly allowed for this integration, each on one port:
   * `10.0.0.5:8080`, or `10.0.0.5` for `defaultPort`.
   */
  allowedAddresses?: string[];
  /** The port entries of allowedAddresses without their own are open on: the base URL's (else 80/443 by scheme). */
  defaultPort?: number;
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
}

export interface GatewayRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  url: string;
}

/** The refusal's words in both UI languages (the caller picks one); `message` is the English, for logs. */
export interface RefusalText {
  ru: string;
  en: string;
}

export class GatewayRefusal extends Error {
  constructor(
    readonly reason: 'protocol' | 'host' | 'address' | 'dns' | 'redirects' | 'size' | 'timeout',
    readonly text: RefusalText,
  ) {
    super(text.en);
    this.name = 'GatewayRefusal';
  }
}

type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * The only way scripts and HTTP steps reach the network. It resolves each host itself, refuses loopback,
 * private, link-local, multicast, unspecified and reserved addresses (IPv6 forms included) unless the
 * integration allows that address, connects to the very address it checked (no second lookup, so DNS
 * rebinding cannot switch it), and re-checks every redirect hop.
 */
export class HttpGateway {
  constructor(private readonly resolve: Resolver = systemResolver) {}

  async fetch(policy: IntegrationPolicy, request: GatewayRequest): Promise<GatewayResponse> {
    const deadline = performance.now() + (policy.timeoutMs ?? 10_000);
    let url = this.parse(request.url);
    let method = (request.method ?? 'GET').toUpperCase();
    let body = request.body;
    for (let hop = 0; ; hop++) {
      const address = await this.checkedAddress(url, policy);
      const response = await this.send(url, address, { ...request, method, body }, policy, deadline);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || !location)
        return { ...response, url: url.toString() };
      if (hop >= (policy.maxRedirects ?? 5))
        throw new GatewayRefusal('redirects', {
          ru: `слишком много перенаправлений (больше ${policy.maxRedirects ?? 5})`,
          en: `too many redirects (more than ${policy.maxRedirects ?? 5})`,
        });
      url = this.parse(new URL(location, url).toString());
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  private parse(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new GatewayRefusal('protocol', { ru: `неверный адрес: ${raw}`, en: `not a valid URL: ${raw}` });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new GatewayRefusal('protocol', {
        ru: `разрешены только http и https, не ${url.protocol}`,
        en: `only http and https are allowed, not ${url.protocol}`,
      });
    return url;
  }

  private async checkedAddress(
    url: URL,
    policy: IntegrationPolicy,
  ): Promise<{ address: string; family: number }> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!hostAllowed(host, policy.allowedHosts))
      throw new GatewayRefusal('host', {
        ru: `хост ${host} не разрешён для этой интеграции`,
        en: `host ${host} is not allowed for this integration`,
      });
    const family = isIP(host);
    let candidates: { address: string; family: number }[];
    try {
      candidates = family ? [{ address: host, family }] : await this.resolve(host);
    } catch {
      throw new GatewayRefusal('dns', { ru: `не удалось найти адрес ${host}`, en: `cannot resolve ${host}` });
    }
    const port = portOf(url);
    const defaultPort = policy.defaultPort ?? (url.protocol === 'https:' ? 443 : 80);
    const refused: string[] = [];
    for (const candidate of candidates) {
      const kind: AddressClass = classifyAddress(candidate.address);
      if (kind === 'public' || addressAllowed(candidate.address, port, policy.allowedAddresses, defaultPort))
        return candidate;
      refused.push(`${candidate.address} (${kind})`);
    }
    throw new GatewayRefusal('address', {
      ru: `${host} указывает на адреса, не разрешённые на порту ${port}: ${refused.join(', ') || 'нет адресов'}`,
      en: `${host} resolves to addresses that are not allowed on port ${port}: ${refused.join(', ') || 'none'}`,
    });
  }

  private send(
    url: URL,
    target: { address: string; family: number },
    request: GatewayRequest & { method: string },
    policy: IntegrationPolicy,
    deadline: number,
  ): Promise<Omit<GatewayResponse, 'url'>> {
    const limit = policy.maxResponseBytes ?? 1024 * 1024;
    const remaining = Math.max(1, deadline - performance.now());
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolveOnce, rejectOnce) => {
      let settled = false;
      // The first outcome wins: a size refusal must not be followed by a partial success, nor the reverse.
      const resolve = (value: Omit<GatewayResponse, 'url'>) => {
        if (settled) return;
        settled = true;
        resolveOnce(value);
      };
      const reject = (error: unknown) => {
        if (settled) return;
        settled = true;
        rejectOnce(error);
      };
      const req = client.request(
        url,
        {
          method: request.method,
          headers: request.headers,
          // Pin the connection to the address that passed the check (TLS still verifies the host name).
          lookup: (_host, options, callback) => {
            if ((options as { all?: boolean }).all)
              (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
            else callback(null, target.address, target.family);
          },
          timeout: remaining,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              reject(
                new GatewayRefusal('size', {
                  ru: `ответ больше ${limit} байт`,
                  en: `response larger than ${limit} bytes`,
                }),
              );
              req.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [key, value] of Object.entries(res.headers))
              if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      const timer = setTimeout(() => req.destroy(timedOut(policy)), remaining);
      req.on('timeout', () => req.destroy(timedOut(policy)));
      req.on('error', reject);
      req.on('close', () => clearTimeout(timer));
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });
  }
}

/** The port a URL connects to, its scheme's default when it names none. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function timedOut(policy: IntegrationPolicy): GatewayRefusal {
  const ms = policy.timeoutMs ?? 10_000;
  return new GatewayRefusal('timeout', {
    ru: `нет полного ответа за ${ms} мс`,
    en: `no complete answer within ${ms} ms`,
  });
}
