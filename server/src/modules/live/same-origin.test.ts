import { describe, expect, it } from 'vitest';
import { sameOrigin } from './same-origin.js';

describe('sameOrigin', () => {
  it('accepts pages of this host, ports included', () => {
    expect(sameOrigin('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(sameOrigin('https://help.example.ru', 'help.example.ru')).toBe(true);
    expect(sameOrigin('https://help.example.ru', 'HELP.example.ru:443')).toBe(true);
  });

  it('refuses other sites, other ports and opaque origins', () => {
    expect(sameOrigin('https://evil.example', 'help.example.ru')).toBe(false);
    expect(sameOrigin('http://localhost:3001', 'localhost:3000')).toBe(false);
    expect(sameOrigin('null', 'localhost:3000')).toBe(false);
    expect(sameOrigin('file://', 'localhost:3000')).toBe(false);
    expect(sameOrigin('http://localhost:3000', undefined)).toBe(false);
  });

  it('lets clients that are not browsers (no Origin) through', () => {
    expect(sameOrigin(undefined, 'localhost:3000')).toBe(true);
  });
});
