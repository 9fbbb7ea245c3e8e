import { validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { hostOf, starterIntegration } from './starter-integration';

describe('starterIntegration', () => {
  it('takes the typed address and lets it reach that host only', () => {
    const body = starterIntegration(' https://crm.acme.ru:8443/api/v2 ');
    expect(body).toMatchObject({ baseUrl: 'https://crm.acme.ru:8443/api/v2', allowedHosts: ['crm.acme.ru'] });
    expect(validateDefinitionBody('integration', body, 'ru')).toEqual([]);
  });

  it('invents no address when none was typed', () => {
    expect(starterIntegration('')).toMatchObject({ baseUrl: '', allowedHosts: [] });
    expect(hostOf('not an address')).toBe('');
  });
});
