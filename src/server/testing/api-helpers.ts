import { expect } from 'vitest';
import { FINAL_JOB_STATES, type JobStatus } from '../../contract/job-status.ts';
import type { User } from '../../contract/user.ts';
import type { ZendeskErrorBody, ZendeskErrorListBody } from '../../contract/zendesk-error.ts';
import type { CursorPageFields, OffsetPageFields } from '../sandbox/pagination/paginate.ts';
import type { TestServer } from './test-server.ts';

export type Caller = NonNullable<Parameters<TestServer['api']>[1]>['as'];

/** `{"group_memberships":[…], meta, links}` and friends. */
export type CursorList<Key extends string, Item> = Record<Key, Item[]> & CursorPageFields;
export type OffsetList<Key extends string, Item> = Record<Key, Item[]> & OffsetPageFields;

/**
 * Checks the status first and shows the body when it is not the expected one, so that a failing
 * test says what the sandbox answered instead of only "expected 200 to be 422".
 */
export async function expectJson<Body>(response: Response, status: number): Promise<Body> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(text) as Body;
}

export async function getJson<Body>(server: TestServer, path: string, as: Caller = 'admin'): Promise<Body> {
  return expectJson<Body>(await server.api(path, { as }), 200);
}

export function send(
  server: TestServer,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  as: Caller = 'admin',
): Promise<Response> {
  return server.api(path, { method, as, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** The error body of a refusal, after checking its status. */
export function expectError(response: Response, status: number): Promise<ZendeskErrorBody> {
  return expectJson<ZendeskErrorBody>(response, status);
}

export function expectErrorList(response: Response, status: number): Promise<ZendeskErrorListBody> {
  return expectJson<ZendeskErrorListBody>(response, status);
}

export const FORBIDDEN = { error: 'Forbidden', description: 'You do not have access to this resource' };
export const RECORD_NOT_FOUND = { error: 'RecordNotFound', description: 'Not found' };

export function invalidPaginationBody(title: string): ZendeskErrorListBody {
  return { errors: [{ code: 'InvalidPaginationParameter', title }] };
}

/** Polls a job status until it is final (or `until` says so). */
export async function waitForJob(
  server: TestServer,
  id: string,
  until: (job: JobStatus) => boolean = (job) => FINAL_JOB_STATES.has(job.status),
  timeoutMs = 20_000,
): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { job_status: job } = await getJson<{ job_status: JobStatus }>(server, `/job_statuses/${id}`);
    if (until(job)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${id} is still ${job.status} (${job.progress}/${job.total})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Follows `links.next` from `path` until `meta.has_more` is false; returns every page. */
export async function walkForward<Key extends string, Item>(
  server: TestServer,
  key: Key,
  path: string,
): Promise<CursorList<Key, Item>[]> {
  const pages: CursorList<Key, Item>[] = [];
  let url: string | null = `${server.apiUrl}${path}`;
  while (url) {
    expect(url.startsWith(server.apiUrl)).toBe(true);
    const page: CursorList<Key, Item> = await getJson(server, url.slice(server.apiUrl.length));
    expect(Array.isArray(page[key])).toBe(true);
    pages.push(page);
    url = page.meta.has_more ? page.links.next : null;
    if (pages.length > 1_000) throw new Error('the list never ends');
  }
  return pages;
}

/** Every agent and admin of the account, walked page by page. */
export async function allStaff(server: TestServer): Promise<User[]> {
  const pages = await walkForward<'users', User>(
    server,
    'users',
    '/users?role[]=agent&role[]=admin&page[size]=100',
  );
  return pages.flatMap((page) => page.users);
}
