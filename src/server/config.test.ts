import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults to the embedded sandbox on 127.0.0.1:4780', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 4780, host: '127.0.0.1', upstream: { kind: 'sandbox' } });
    expect(config.sandbox).toMatchObject({ itemDelayMs: 20, rateLimitPerMinute: 700, maxActiveJobs: 30 });
  });

  it('names the variable that is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ SANDBOX_ERROR_RATE: '2' })).toThrow(/SANDBOX_ERROR_RATE/);
  });

  it('needs an identity when a real Zendesk is configured', () => {
    expect(() => readConfig({ ZENDESK_URL: 'https://acme.zendesk.com' })).toThrow(/ZENDESK_EMAIL/);
    const config = readConfig({
      ZENDESK_URL: 'https://acme.zendesk.com/',
      ZENDESK_EMAIL: 'me@acme.com',
      ZENDESK_API_TOKEN: 'abc',
    });
    expect(config.upstream).toMatchObject({ kind: 'zendesk', url: 'https://acme.zendesk.com' });
  });
});
