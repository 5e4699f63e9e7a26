import { describe, expect, it } from 'vitest';
import { loggablePath } from './request-log.ts';

const logged = (query: string) => loggablePath(`http://127.0.0.1:4780/api/v2/users/me?${query}`);

describe('the request log', () => {
  it('redacts every query value whose name can carry a secret', () => {
    const names = [
      'code',
      'state',
      'access_token',
      'client_secret',
      'password',
      'api_key',
      'session',
      'authorization',
      'auth',
      'bearer',
      'cookie',
      'credential',
      'credentials',
      'jwt',
      'pass',
      'passwd',
      'pwd',
      'sig',
      'signature',
      'oauth_signature',
      'otp',
      'X-Api-Key',
    ];
    for (const name of names) {
      expect(logged(`${name}=s3cr3t-value`), name).toBe(`/api/v2/users/me?${name}=[redacted]`);
    }
  });

  it('redacts values that are credentials whatever they are called', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(logged(`x=${jwt}`)).toBe('/api/v2/users/me?x=[redacted]');
    expect(logged('h=Bearer%20abc123')).toBe('/api/v2/users/me?h=[redacted]');
    expect(logged('h=Basic%20YWJjOmRlZg==')).toBe('/api/v2/users/me?h=[redacted]');
  });

  it('keeps the values that say which page of which list was asked for', () => {
    expect(logged('page[size]=100&sort=-created_at&include=users,groups&role[]=agent')).toBe(
      '/api/v2/users/me?page[size]=100&sort=-created_at&include=users,groups&role[]=agent',
    );
  });
});
