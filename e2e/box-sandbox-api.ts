import type { APIRequestContext } from '@playwright/test';

const ADMIN_TOKEN = 'roster-box-admin-token';

type Collection<T> = { total_count: number; entries: T[] };
export type BoxUser = { id: string; name: string; login: string; role: string };
export type BoxMembership = { id: string; role: string; user: BoxUser; group: { id: string; name: string } };

/** Test setup and checks call the Box sandbox directly, as any Box client would. */
export function boxSandboxApi(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const call = async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const response = await request.fetch(`/sandbox/box${path.startsWith('/_sandbox') ? '' : '/2.0'}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body !== undefined && { data: JSON.stringify(body) }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  const api = {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: (path: string) => call<void>('DELETE', path),
    async groupNamed(name: string): Promise<{ id: string; name: string }> {
      const body = await api.get<Collection<{ id: string; name: string }>>(
        `/groups?filter_term=${encodeURIComponent(name)}`,
      );
      const group = body.entries.find((g) => g.name === name);
      if (!group) throw new Error(`no Box group named ${name}`);
      return group;
    },
    async members(groupId: string): Promise<BoxMembership[]> {
      return (await api.get<Collection<BoxMembership>>(`/groups/${groupId}/memberships?limit=1000`)).entries;
    },
    /** Regular users who are not in the group yet, in a stable order. */
    async usersOutside(groupId: string, count: number): Promise<BoxUser[]> {
      const inGroup = new Set((await api.members(groupId)).map((m) => m.user.id));
      const users = (await api.get<Collection<BoxUser>>('/users?limit=1000')).entries;
      return users.filter((u) => !inGroup.has(u.id) && !u.login.endsWith('@roster.example')).slice(0, count);
    },
  };
  return api;
}
