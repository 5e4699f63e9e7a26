import { queryOptions } from '@tanstack/react-query';
import {
  ORGANIZATION_COUNT_BATCH,
  organizationMemberCountsSchema,
} from '../contract/organization-member-counts.ts';
import { apiRequest } from './api-client.ts';
import { organizationKeys } from './organizations.ts';

type Waiting = { resolve: (count: number) => void; reject: (error: unknown) => void };

/**
 * Counts asked for by the rows rendered together, sent as one request per 100 when they are all
 * asked. Module state is safe here because only the browser counts (organization-member-count.tsx):
 * the server's first render, shared by every visitor, never asks.
 */
let waiting = new Map<number, Waiting[]>();
let flushing = false;

async function send(ids: number[], callers: Map<number, Waiting[]>): Promise<void> {
  try {
    const body = await apiRequest(`/roster/organization-member-counts?ids=${ids.join(',')}`, {
      schema: organizationMemberCountsSchema,
    });
    for (const id of ids) {
      const count = body.counts[String(id)];
      for (const caller of callers.get(id) ?? []) {
        if (count === undefined) caller.reject(new Error(`No count for organization ${id}`));
        else caller.resolve(count);
      }
    }
  } catch (error) {
    for (const id of ids) for (const caller of callers.get(id) ?? []) caller.reject(error);
  }
}

function flush(): void {
  flushing = false;
  const callers = waiting;
  waiting = new Map();
  const ids = [...callers.keys()];
  for (let start = 0; start < ids.length; start += ORGANIZATION_COUNT_BATCH) {
    void send(ids.slice(start, start + ORGANIZATION_COUNT_BATCH), callers);
  }
}

function countMembers(id: number): Promise<number> {
  return new Promise((resolve, reject) => {
    waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
    if (!flushing) {
      flushing = true;
      // After the rows rendered in this pass have all asked.
      setTimeout(flush, 0);
    }
  });
}

/** One organization's member count on the Organizations list, batched with the other rows on screen. */
export const listedOrganizationMemberCountQueryOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.listedMemberCount(id),
    queryFn: () => countMembers(id),
    staleTime: 30_000,
  });
