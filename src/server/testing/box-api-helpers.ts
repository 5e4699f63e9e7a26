import { expect } from 'vitest';
import type { BoxErrorBody } from '../../contract/box/box-error.ts';
import { BOX_DEMO_IDENTITIES, type BoxDemoIdentityKey } from '../sandbox/box/box-demo-identities.ts';

export type BoxCall = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
  path: string,
  options?: { body?: unknown; as?: BoxDemoIdentityKey | null; headers?: Record<string, string> },
) => Promise<Response>;

/** Calls the Box sandbox at `{serverUrl}/sandbox/box/2.0` as a demo identity (admin by default). */
export function boxCaller(serverUrl: string): BoxCall {
  return (method, path, options = {}) => {
    const { as = 'admin', body } = options;
    const headers = new Headers(options.headers);
    if (as) headers.set('authorization', `Bearer ${BOX_DEMO_IDENTITIES[as].token}`);
    if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${serverUrl}/sandbox/box/2.0${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  };
}

export async function expectBoxJson<Body>(response: Response, status: number): Promise<Body> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  return JSON.parse(text) as Body;
}

/** Box's error body, checked field by field, with its status and code. */
export async function expectBoxError(
  response: Response,
  status: number,
  code: string,
): Promise<BoxErrorBody> {
  const body = await expectBoxJson<BoxErrorBody>(response, status);
  expect(body).toMatchObject({ type: 'error', status, code, help_url: expect.any(String) });
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.request_id).toMatch(/^[0-9a-f]{16}$/);
  return body;
}
