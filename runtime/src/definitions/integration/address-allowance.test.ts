import { describe, expect, it } from 'vitest';
import { compile } from '../ajv.js';
import { validateDefinitionBody } from '../validate-body.js';
import { addressAllowanceProblems, parseAddressAllowance } from './address-allowance.js';
import { IntegrationBodySchema } from './schema.js';

describe('allowed address entries', () => {
  it.each([
    ['10.0.0.5', { address: '10.0.0.5', family: 4 }],
    ['10.0.0.0/24', { address: '10.0.0.0', family: 4, prefix: 24 }],
    ['10.0.0.5:8080', { address: '10.0.0.5', family: 4, port: 8080 }],
    ['10.0.0.0/24:8080', { address: '10.0.0.0', family: 4, prefix: 24, port: 8080 }],
    ['fd00::5', { address: 'fd00::5', family: 6 }],
    ['fd00::/8', { address: 'fd00::', family: 6, prefix: 8 }],
    ['[fd00::5]:8080', { address: 'fd00::5', family: 6, port: 8080 }],
    ['[fd00::/64]:443', { address: 'fd00::', family: 6, prefix: 64, port: 443 }],
    ['[::1]', { address: '::1', family: 6 }],
    ['::ffff:10.0.0.5', { address: '::ffff:10.0.0.5', family: 6 }],
  ])('reads %s', (entry, expected) => {
    expect(parseAddressAllowance(entry)).toEqual(expected);
  });

  it.each([
    'crm.local',
    '10.0.0.256',
    '010.0.0.5',
    '10.0.0',
    '10.0.0.5:0',
    '10.0.0.5:65536',
    '10.0.0.0/33',
    '[10.0.0.5]:80',
    'fd00::/129',
    '[fd00::5]:',
    'fd00:::5',
    'fe80::1%eth0',
    '10.0.0.5/24/8',
  ])('refuses %s', (entry) => {
    expect(parseAddressAllowance(entry)).toBeNull();
  });

  it('names each bad entry, in the caller’s language', () => {
    const [problem] = addressAllowanceProblems(['10.0.0.5:8080', '10.0.0.999'], 'en');
    expect(problem).toMatchObject({ pointer: '/allowedAddresses/1', code: 'invalid_address' });
    expect(problem?.message).toContain('"10.0.0.999"');
    expect(addressAllowanceProblems(['x'], 'ru')[0]?.message).toContain('не IP-адрес');
  });

  it('is what the integration schema accepts and publishing checks', () => {
    const validate = compile(IntegrationBodySchema);
    const body = (allowedAddresses: string[]) => ({
      schemaVersion: 1,
      baseUrl: 'http://10.0.0.5:8080/api',
      allowedHosts: ['10.0.0.5'],
      allowedAddresses,
    });
    for (const entry of [
      '10.0.0.5:8080',
      '10.0.0.0/24:8080',
      '[fd00::5]:8080',
      '[fd00::/64]:8080',
      'fd00::/8',
    ])
      expect(validate(body([entry])), entry).toBe(true);
    expect(validateDefinitionBody('integration', body(['10.0.0.5:99999']), 'en')).toEqual([
      expect.objectContaining({ pointer: '/allowedAddresses/0' }),
    ]);
  });
});
