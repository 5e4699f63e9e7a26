import { basicAuthFor, type TestServer } from './test-server.ts';

/** How many API requests the test server's sandbox has answered so far, all paths together. */
export async function sandboxRequests(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/sandbox/_sandbox/requests`, {
    headers: { authorization: basicAuthFor('admin') },
  });
  const body = (await response.json()) as { requests: Record<string, number> };
  return Object.values(body.requests).reduce((sum, n) => sum + n, 0);
}
