import { randomBytes } from 'node:crypto';
import { type IntegrationBody, integrationSecretNames, type Locale } from '@opora/runtime/definitions';
import type { SecretRef } from '@opora/runtime/steps/http-step';
import {
  GatewayRefusal,
  type GatewayResponse,
  type HttpGateway,
  portOf,
  type RefusalText,
} from '../../adapters/http-gateway/http-gateway.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { SecretService } from '../secrets/secret-service.js';
import { SecretMask, type SecretScrubber } from './secret-masking.js';

/** A call as scripts and HTTP steps describe it: an integration, a path, and headers/body that may hold secret refs. */
export interface CallRequest {
  integration: string;
  path: string;
  method?: string;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
}

export interface CallResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  url: string;
}

/**
 * A refusal the caller should see as a plain message (unknown integration, forbidden secret, blocked address…),
 * in the caller's language (`describe`); `message` is the English, for logs.
 */
export class CallRefused extends Error {
  constructor(readonly text: RefusalText) {
    super(text.en);
  }

  describe(locale: Locale): string {
    return this.text[locale];
  }
}

const isSecretRef = (value: unknown): value is SecretRef =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  typeof (value as SecretRef).$secret === 'string';

/**
 * Resolves an integration, builds the request, puts secret values in as it leaves, sends it through the HTTP
 * gateway and masks in whatever comes back every secret the integration may carry, in every form an echo could
 * take (reversed, re-cased, hex, base64, URL- or JSON-escaped; see secret-masking.ts), so a script cannot read a
 * secret through an external system that echoes it. An integration marked `secretEcho: 'allow'` is trusted
 * instead: its responses reach the caller unmasked (an administrator's explicit choice, see the README).
 */
export class IntegrationCaller {
  constructor(
    private readonly definitions: DefinitionService,
    private readonly secrets: SecretService,
    private readonly gateway: HttpGateway,
  ) {}

  /**
   * `allowed` lists the integrations the caller declared (a script's `integrations`); undefined allows any.
   * `scrubber` (a script run's) learns the masked secret values, to mask them in the run's output and logs too.
   */
  async call(
    request: CallRequest,
    allowed?: readonly string[],
    scrubber?: SecretScrubber,
  ): Promise<CallResponse> {
    if (allowed && !allowed.includes(request.integration))
      throw new CallRefused({
        ru: `интеграция «${request.integration}» не объявлена в этом скрипте (объявлены: ${allowed.join(', ') || 'нет'})`,
        en: `integration "${request.integration}" is not declared by this script (declared: ${allowed.join(', ') || 'none'})`,
      });
    const published = await this.definitions.latestPublished('integration', request.integration);
    if (!published)
      throw new CallRefused({
        ru: `интеграция «${request.integration}» не опубликована`,
        en: `integration "${request.integration}" is not published`,
      });
    const integration = published.body as IntegrationBody;

    // Secrets travel as placeholders carrying a per-call nonce, so no text a script supplies can forge one.
    const slot = new SecretSlots();
    const headers = this.headers(integration, request.headers ?? {}, slot);
    const body = this.body(request.body, slot);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] =
        typeof request.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    const permitted = new Set(integrationSecretNames(integration));
    for (const name of slot.used)
      if (!permitted.has(name))
        throw new CallRefused({
          ru: `секрет «${name}» нельзя отправлять интеграции «${request.integration}»`,
          en: `secret "${name}" may not be sent to integration "${request.integration}"`,
        });
    const values = await this.secrets.values([...slot.used]);
    const reveal = (text: string) => slot.reveal(text, values);
    const auth = integration.auth;
    if (auth?.type === 'basic')
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${values.get(auth.secret)}`).toString('base64')}`;
    let response: GatewayResponse;
    try {
      response = await this.gateway.fetch(
        {
          allowedHosts: integration.allowedHosts,
          allowedAddresses: integration.allowedAddresses,
          defaultPort: portOf(new URL(integration.baseUrl)),
          timeoutMs: integration.timeoutMs,
          maxResponseBytes: integration.maxResponseBytes,
        },
        {
          url: this.url(integration, request.path, request.query),
          method: request.method ?? 'GET',
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, reveal(v)])),
          ...(body !== undefined ? { body: reveal(body) } : {}),
        },
      );
    } catch (error) {
      // Network errors name hosts, not header values; masked all the same, as they reach the caller.
      const mask = new SecretMask(values.values());
      if (error instanceof GatewayRefusal)
        throw new CallRefused({
          ru: `HTTP-запрос отклонён: ${mask.apply(error.text.ru)}`,
          en: `HTTP request refused: ${mask.apply(error.text.en)}`,
        });
      const reason = mask.apply((error as Error).message);
      throw new CallRefused({ ru: `HTTP-запрос не удался: ${reason}`, en: `HTTP request failed: ${reason}` });
    }
    const hide = await this.mask(
      integration,
      values,
      auth?.type === 'basic' ? [headers.authorization as string] : [],
    );
    scrubber?.learn(hide.values);
    return {
      status: response.status,
      headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, hide.apply(v)])),
      text: hide.apply(response.body),
      url: hide.apply(response.url),
    };
  }

  /**
   * What responses of this integration are masked with: the values of every secret it may carry (not only those
   * this request used: an earlier request may have left one on the remote side) and the basic-auth header.
   */
  private async mask(integration: IntegrationBody, used: Map<string, string>, extra: string[]) {
    if (integration.secretEcho === 'allow') return { values: [], apply: (text: string) => text };
    const names = integrationSecretNames(integration).filter((name) => !used.has(name));
    const others = await this.secrets.values(names, { skipMissing: true });
    const values = [...used.values(), ...others.values(), ...extra];
    const mask = new SecretMask(values);
    return { values, apply: (text: string) => mask.apply(text) };
  }

  private url(
    integration: IntegrationBody,
    path: string,
    query: Record<string, unknown> | undefined,
  ): string {
    const absolute = /^https?:\/\//i.test(path);
    const url = new URL(
      absolute ? path : `${integration.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`,
    );
    for (const [name, value] of Object.entries(query ?? {}))
      if (value !== undefined && value !== null) url.searchParams.append(name, String(value));
    return url.toString();
  }

  /** Header values: text, a secret ref, or parts of both. Secret values are placeholders until the request leaves. */
  private headers(integration: IntegrationBody, given: Record<string, unknown>, slot: SecretSlots) {
    const headers: Record<string, string> = { ...(integration.headers ?? {}) };
    const auth = integration.auth;
    if (auth && auth.type !== 'none') {
      const value = slot.placeholder(auth.secret);
      if (auth.type === 'bearer') headers.authorization = `Bearer ${value}`;
      else if (auth.type === 'header') headers[auth.header] = value;
      // Basic auth is built once the value is known: it goes inside base64 (see call()).
    }
    for (const [name, raw] of Object.entries(given)) {
      if (!/^[A-Za-z0-9-]{1,100}$/.test(name))
        throw new CallRefused({
          ru: `недопустимое имя заголовка «${name}»`,
          en: `invalid header name "${name}"`,
        });
      const parts = Array.isArray(raw) ? raw : [raw];
      headers[name] = parts
        .map((part) => {
          if (isSecretRef(part)) return slot.placeholder(part.$secret);
          if (typeof part !== 'string' && typeof part !== 'number')
            throw new CallRefused({
              ru: `заголовок «${name}» должен быть текстом или секретом`,
              en: `header "${name}" must be text or a secret`,
            });
          return String(part);
        })
        .join('');
      if (/[\r\n]/.test(headers[name] as string))
        throw new CallRefused({
          ru: `заголовок «${name}» содержит перевод строки`,
          en: `header "${name}" contains a line break`,
        });
    }
    return headers;
  }

  private body(body: unknown, slot: SecretSlots): string | undefined {
    if (body === undefined || body === null) return undefined;
    if (typeof body === 'string') return body;
    const replace = (value: unknown): unknown => {
      if (isSecretRef(value)) return slot.placeholder(value.$secret);
      if (Array.isArray(value)) return value.map(replace);
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
      return value;
    };
    return JSON.stringify(replace(body));
  }
}

/** Placeholders for the secrets one request uses; only this request's nonce reveals them. */
class SecretSlots {
  readonly used = new Set<string>();
  private readonly nonce = randomBytes(12).toString('hex');

  placeholder(name: string): string {
    this.used.add(name);
    return `{{${this.nonce}:${name}}}`;
  }

  reveal(text: string, values: Map<string, string>): string {
    return text.replace(
      new RegExp(`\\{\\{${this.nonce}:([a-z0-9_]+)\\}\\}`, 'g'),
      (_, name: string) => values.get(name) ?? '',
    );
  }
}
