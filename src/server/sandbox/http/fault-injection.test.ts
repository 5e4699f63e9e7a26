import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { User } from '../../../contract/user.ts';
import { expectError, expectJson, FORBIDDEN, getJson, send } from '../../testing/api-helpers.ts';
import { basicAuthFor, startTestServer, type TestServer } from '../../testing/test-server.ts';
import type { Faults } from './fault-injection.ts';

let server: TestServer;
let admin: User;
let membership: GroupMembership;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await getJson<{ user: User }>(server, '/users/me')).user;
  membership = (
    await getJson<{ group_memberships: GroupMembership[] }>(server, `/users/${admin.id}/group_memberships`)
  ).group_memberships[0] as GroupMembership;
});
afterEach(async () => {
  expect((await faults('DELETE')).status).toBe(200);
});
afterAll(() => server.close());

/** The control endpoint lives beside the API, not under it: `{base}/_sandbox/faults`. */
function faults(method: 'GET' | 'PUT' | 'DELETE', body?: unknown, as: 'admin' | 'agent' = 'admin') {
  return fetch(`${server.url}/sandbox/_sandbox/faults`, {
    method,
    headers: { authorization: basicAuthFor(as), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function makeDefault(): Promise<Response> {
  return send(server, 'PUT', `/users/${admin.id}/group_memberships/${membership.id}/make_default`);
}

describe('fault injection', () => {
  it('is for admins only: agents get 403', async () => {
    expect(await expectError(await faults('GET', undefined, 'agent'), 403)).toEqual(FORBIDDEN);
    expect(await expectError(await faults('PUT', { faults: { error_rate: 1 } }, 'agent'), 403)).toEqual(
      FORBIDDEN,
    );
    expect(await expectError(await faults('DELETE', undefined, 'agent'), 403)).toEqual(FORBIDDEN);
  });

  it('fails the next make_default once with a JSON 500 when a rule says so, then lets it through', async () => {
    const rule = { method: 'put', path_contains: 'make_default', status: 500, times: 1 };
    const set = await expectJson<{ faults: Faults }>(await faults('PUT', { faults: { rules: [rule] } }), 200);
    expect(set.faults.rules).toEqual([{ ...rule, method: 'PUT' }]);

    expect((await server.api('/users/me')).status).toBe(200);
    const failed = await expectError(await makeDefault(), 500);
    expect(failed).toEqual({ error: 'InternalServerError', description: expect.any(String) });
    expect((await makeDefault()).status).toBe(200);
    expect((await makeDefault()).status).toBe(200);
  });

  it('answers every API request with 500 at error_rate 1 until the faults are deleted', async () => {
    await expectJson(await faults('PUT', { faults: { error_rate: 1 } }), 200);
    for (const path of ['/users/me', '/group_memberships', '/job_statuses']) {
      expect((await expectError(await server.api(path), 500)).error).toBe('InternalServerError');
    }
    const reset = await expectJson<{ faults: Faults }>(await faults('DELETE'), 200);
    expect(reset.faults).toEqual({ latency_ms: 0, error_rate: 0, rate_limit_rate: 0, rules: [] });
    expect((await server.api('/users/me')).status).toBe(200);
  });

  it('injects 429 with Retry-After at rate_limit_rate 1, and the other documented statuses by rule', async () => {
    await expectJson(await faults('PUT', { faults: { rate_limit_rate: 1 } }), 200);
    const limited = await server.api('/users/me');
    expect((await expectError(limited, 429)).error).toBe('APIRateLimitExceeded');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

    const rules = [
      { path_contains: 'groups', status: 503 },
      { path_contains: 'organizations', status: 403 },
      { method: 'POST', path_contains: 'group_memberships', status: 422 },
    ];
    await expectJson(await faults('PUT', { faults: { rules } }), 200);
    expect((await expectError(await server.api('/groups'), 503)).error).toBe('ServiceUnavailable');
    expect(await expectError(await server.api('/organizations'), 403)).toEqual(FORBIDDEN);
    const body = { group_membership: { user_id: admin.id, group_id: membership.group_id } };
    expect((await expectError(await send(server, 'POST', '/group_memberships', body), 422)).error).toBe(
      'RecordInvalid',
    );
    expect((await server.api('/users/me')).status).toBe(200);
  });

  it('delays responses by latency_ms', async () => {
    await expectJson(await faults('PUT', { faults: { latency_ms: 150 } }), 200);
    const started = performance.now();
    expect((await server.api('/users/me')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('shows the current faults and refuses invalid ones with 4xx', async () => {
    await expectJson(await faults('PUT', { faults: { error_rate: 0.25 } }), 200);
    const current = await expectJson<{ faults: Faults }>(await faults('GET'), 200);
    expect(current.faults).toEqual({ latency_ms: 0, error_rate: 0.25, rate_limit_rate: 0, rules: [] });
    expect((await expectError(await faults('PUT', { faults: { error_rate: 2 } }), 422)).error).toBe(
      'RecordInvalid',
    );
    const teapot = { faults: { rules: [{ status: 418 }] } };
    expect((await expectError(await faults('PUT', teapot), 422)).error).toBe('RecordInvalid');
    expect((await expectError(await faults('PUT', {}), 400)).error).toBe('ParameterMissing');
  });
});
