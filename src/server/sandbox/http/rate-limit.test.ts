import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_RATE_LIMIT: '5' });
});
afterAll(() => server.close());

function limitHeaders(response: Response) {
  return {
    limit: response.headers.get('x-rate-limit'),
    remaining: response.headers.get('x-rate-limit-remaining'),
    draftLimit: response.headers.get('ratelimit-limit'),
    draftRemaining: response.headers.get('ratelimit-remaining'),
    reset: Number(response.headers.get('ratelimit-reset')),
  };
}

describe('rate limit', () => {
  it('counts requests per credential with Zendesk headers and answers the one over the limit with 429', async () => {
    for (let count = 1; count <= 5; count++) {
      const response = await server.api(count % 2 ? '/users/me' : '/nope');
      await response.text();
      const headers = limitHeaders(response);
      expect(headers).toMatchObject({
        limit: '5',
        remaining: String(5 - count),
        draftLimit: '5',
        draftRemaining: String(5 - count),
      });
      expect(headers.reset).toBeGreaterThanOrEqual(1);
      expect(headers.reset).toBeLessThanOrEqual(60);
    }

    const refused = await server.api('/users/me');
    expect(await expectError(refused, 429)).toEqual({
      error: 'APIRateLimitExceeded',
      description: expect.any(String),
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limitHeaders(refused)).toMatchObject({ limit: '5', remaining: '0' });

    // Another credential has its own allowance.
    const other = await server.api('/users/me', { as: 'agent' });
    expect(other.status).toBe(200);
    expect(limitHeaders(other).remaining).toBe('4');
  });
});
