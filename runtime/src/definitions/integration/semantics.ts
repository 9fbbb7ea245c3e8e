import { type Locale, type Problem, pick } from '../kinds.js';
import { addressAllowanceProblems } from './address-allowance.js';
import type { IntegrationBody } from './schema.js';

/** Host names match exactly or, for `*.example.com`, any subdomain. */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return patterns.some((pattern) =>
    pattern.startsWith('*.')
      ? name.endsWith(pattern.slice(1).toLowerCase()) && name.length > pattern.length - 1
      : name === pattern.toLowerCase(),
  );
}

/** The base URL must itself be reachable under the integration's own host list; allowed addresses must parse. */
export function integrationProblems(body: IntegrationBody, locale: Locale): Problem[] {
  return [...baseUrlProblems(body, locale), ...addressAllowanceProblems(body.allowedAddresses ?? [], locale)];
}

function baseUrlProblems(body: IntegrationBody, locale: Locale): Problem[] {
  const host = new URL(body.baseUrl).hostname;
  return hostAllowed(host, body.allowedHosts)
    ? []
    : [
        {
          pointer: '/baseUrl',
          code: 'host_not_allowed',
          message: pick(
            locale,
            `Хост ${host} базового адреса не входит в список разрешённых хостов`,
            `The base URL's host ${host} is not among the allowed hosts`,
          ),
        },
      ];
}
