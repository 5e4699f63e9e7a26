import { basicAuthFor } from '../src/server/testing/test-server.ts';

/**
 * The sandbox's own count of the API requests it answered (`/_sandbox/requests`): the server sends
 * the bulk requests now, so they are counted where they arrive, not in the browser.
 */
export async function resetSandboxRequests(serverUrl: string): Promise<void> {
  const response = await fetch(`${serverUrl}/sandbox/_sandbox/requests`, {
    method: 'DELETE',
    headers: { authorization: basicAuthFor('admin') },
  });
  if (!response.ok) throw new Error(`resetting the sandbox's request counts answered ${response.status}`);
}

export async function sandboxRequests(serverUrl: string): Promise<Record<string, number>> {
  const response = await fetch(`${serverUrl}/sandbox/_sandbox/requests`, {
    headers: { authorization: basicAuthFor('admin') },
  });
  if (!response.ok) throw new Error(`reading the sandbox's request counts answered ${response.status}`);
  return ((await response.json()) as { requests: Record<string, number> }).requests;
}
