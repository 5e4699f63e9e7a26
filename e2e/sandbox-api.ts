import type { APIRequestContext, Page } from '@playwright/test';

const ADMIN = 'admin@roster.example/token:roster-sandbox-token';

/**
 * Test setup and checks talk to the sandbox directly, as any Zendesk client would; the browser
 * under test only ever talks to Roster's own origin.
 */
export function sandboxApi(request: APIRequestContext) {
  const headers = { authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` };
  const call = async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const response = await request.fetch(`/sandbox${path.startsWith('/_sandbox') ? '' : '/api/v2'}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body !== undefined && { data: JSON.stringify(body) }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body?: unknown) => call<T>('PUT', path, body),
    delete: <T>(path: string) => call<T>('DELETE', path),
  };
}

export type SandboxApi = ReturnType<typeof sandboxApi>;

/** The URLs (decoded) of the requests the page sends for a group's member list, as they happen. */
export function memberListRequests(page: Page, groupId: number): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    const url = decodeURIComponent(r.url());
    if (url.includes(`/api/v2/groups/${groupId}/memberships`)) urls.push(url);
  });
  return urls;
}
type Identified = { id: number; name: string; email: string; role: string };

export async function groupNamed(api: SandboxApi, name: string): Promise<{ id: number; name: string }> {
  const body = await api.get<{ groups: { id: number; name: string }[] }>(
    `/groups/autocomplete?name=${encodeURIComponent(name)}`,
  );
  const group = body.groups.find((g) => g.name === name);
  if (!group) throw new Error(`no group named ${name}`);
  return group;
}

export async function allPages<T>(api: SandboxApi, path: string, key: string): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const cursor: string = after ? `&page[after]=${after}` : '';
    const page = await api.get<
      Record<string, unknown> & { meta: { has_more: boolean; after_cursor: string | null } }
    >(`${path}${separator}page[size]=100${cursor}`);
    rows.push(...(page[key] as T[]));
    after = page.meta.has_more ? page.meta.after_cursor : null;
  } while (after);
  return rows;
}

/** Agents who are not in the group yet, in a stable order. */
export async function agentsOutside(api: SandboxApi, groupId: number, count: number): Promise<Identified[]> {
  const members = new Set(
    (await allPages<{ user_id: number }>(api, `/groups/${groupId}/memberships`, 'group_memberships')).map(
      (m) => m.user_id,
    ),
  );
  const agents = await allPages<Identified>(api, '/users?role[]=agent&role[]=admin', 'users');
  return agents
    .filter((agent) => !members.has(agent.id) && !agent.email.endsWith('@roster.example'))
    .slice(0, count);
}

export async function waitForJob(api: SandboxApi, jobId: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { job_status } = await api.get<{ job_status: { status: string } }>(`/job_statuses/${jobId}`);
    if (job_status.status === 'completed' || job_status.status === 'failed') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

export async function organizationNamed(
  api: SandboxApi,
  name: string,
): Promise<{ id: number; name: string }> {
  const body = await api.get<{ organizations: { id: number; name: string }[] }>(
    `/organizations/autocomplete?name=${encodeURIComponent(name)}`,
  );
  const organization = body.organizations.find((o) => o.name === name);
  if (!organization) throw new Error(`no organization named ${name}`);
  return organization;
}

/** End users who are not in the organization yet, in a stable order. */
export async function endUsersOutside(
  api: SandboxApi,
  organizationId: number,
  count: number,
): Promise<Identified[]> {
  const members = new Set(
    (
      await allPages<{ user_id: number }>(
        api,
        `/organizations/${organizationId}/organization_memberships`,
        'organization_memberships',
      )
    ).map((m) => m.user_id),
  );
  const people: Identified[] = [];
  let after: string | null = null;
  while (people.length < count) {
    const cursor: string = after ? `&page[after]=${after}` : '';
    const page = await api.get<{
      users: Identified[];
      meta: { has_more: boolean; after_cursor: string | null };
    }>(`/users?role=end-user&page[size]=100${cursor}`);
    people.push(
      ...page.users.filter((user) => !members.has(user.id) && !user.email.endsWith('@roster.example')),
    );
    if (!page.meta.has_more) break;
    after = page.meta.after_cursor;
  }
  return people.slice(0, count);
}

/** Puts these people in the group straight through the sandbox, 100 a job, and waits for the jobs. */
export async function addToGroup(
  api: SandboxApi,
  groupId: number,
  userIds: readonly number[],
): Promise<void> {
  for (let start = 0; start < userIds.length; start += 100) {
    const { job_status } = await api.post<{ job_status: { id: string } }>('/group_memberships/create_many', {
      group_memberships: userIds.slice(start, start + 100).map((user_id) => ({ user_id, group_id: groupId })),
    });
    await waitForJob(api, job_status.id);
  }
}

/** Empties the group straight through the sandbox, so a test starts from a known list. */
export async function emptyGroup(api: SandboxApi, groupId: number): Promise<void> {
  const existing = await allPages<{ id: number }>(api, `/groups/${groupId}/memberships`, 'group_memberships');
  for (let start = 0; start < existing.length; start += 100) {
    const ids = existing.slice(start, start + 100).map((m) => m.id);
    const { job_status } = await api.delete<{ job_status: { id: string } }>(
      `/group_memberships/destroy_many?ids=${ids.join(',')}`,
    );
    await waitForJob(api, job_status.id);
  }
}
