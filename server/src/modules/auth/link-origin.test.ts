import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { linkOrigin } from './link-origin.js';

const request = (host: string) => ({ protocol: 'http', host }) as FastifyRequest;

describe('where links in mail point', () => {
  it('uses PUBLIC_URL whatever Host the caller sent', () => {
    expect(linkOrigin('https://support.example.ru', request('evil.example'))).toBe(
      'https://support.example.ru',
    );
  });

  it('falls back to the origin the request came to, and to localhost for a Host that is no host', () => {
    expect(linkOrigin(undefined, request('127.0.0.1:3000'))).toBe('http://127.0.0.1:3000');
    expect(linkOrigin(undefined, request('a b'))).toBe('http://localhost');
  });
});
