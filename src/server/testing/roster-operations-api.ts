import { expect } from 'vitest';
import {
  FINISHED_OPERATION_STATES,
  type Operation,
  type OperationItem,
  type OperationRequest,
  type Plan,
} from '../../contract/roster-operations.ts';

/** Calls `/roster/operations*` on a Roster server: with `fetch` for a configured identity, or a cookie client's `request`. */
export type RosterCall = (path: string, init?: RequestInit) => Promise<Response>;

export function rosterCaller(origin: string): RosterCall {
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.body !== undefined && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return fetch(`${origin}/roster/operations${path}`, { ...init, headers });
  };
}

/** Wraps a cookie client so its requests go to `/roster/operations*`. */
export function rosterCallerOf(request: (path: string, init?: RequestInit) => Promise<Response>): RosterCall {
  return (path, init) => request(`/roster/operations${path}`, init);
}

export async function rosterJson<Body>(response: Response, status: number): Promise<Body> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  return JSON.parse(text) as Body;
}

export async function planOperation(call: RosterCall, request: OperationRequest): Promise<Plan> {
  const body = await rosterJson<{ plan: Plan }>(
    await call('/plan', { method: 'POST', body: JSON.stringify(request) }),
    200,
  );
  return body.plan;
}

export async function startPlan(call: RosterCall, plan: Plan): Promise<Operation> {
  const body = await rosterJson<{ operation: Operation }>(
    await call('', { method: 'POST', body: JSON.stringify({ plan_id: plan.id }) }),
    202,
  );
  return body.operation;
}

export async function getOperation(call: RosterCall, id: string): Promise<Operation> {
  return (await rosterJson<{ operation: Operation }>(await call(`/${id}`), 200)).operation;
}

/** Polls the operation until `until` holds (by default: finished). */
export async function waitForOperation(
  call: RosterCall,
  id: string,
  until: (operation: Operation) => boolean = (operation) => FINISHED_OPERATION_STATES.has(operation.state),
  timeoutMs = 60_000,
): Promise<Operation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const operation = await getOperation(call, id);
    if (until(operation)) return operation;
    if (Date.now() > deadline) {
      throw new Error(`operation ${id} is still ${operation.state} (${JSON.stringify(operation.counts)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function allItems(call: RosterCall, id: string): Promise<OperationItem[]> {
  const items: OperationItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=1000' : `?limit=1000&cursor=${cursor}`;
    const page = await rosterJson<{ items: OperationItem[]; meta: { after_cursor: string | null } }>(
      await call(`/${id}/items${query}`),
      200,
    );
    items.push(...page.items);
    cursor = page.meta.after_cursor;
  } while (cursor !== null);
  return items;
}

/** Reviews and starts adding `users` to each of `groupIds`. */
export async function startGroupAdd(
  call: RosterCall,
  groupIds: number[],
  users: readonly { id: number }[],
): Promise<Operation> {
  const plan = await planOperation(call, {
    kind: 'group_memberships.create',
    group_ids: groupIds,
    people: { user_ids: users.map((user) => user.id) },
  });
  return startPlan(call, plan);
}
