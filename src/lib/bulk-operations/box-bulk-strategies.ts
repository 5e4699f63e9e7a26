import { ApiError, describeError } from '../../api/api-error.ts';
import {
  createBoxMembership,
  deleteBoxMembership,
  updateBoxMembership,
} from '../../api/box/box-memberships.ts';
import type { JobResult, JobStatus } from '../../contract/job-status.ts';
import { abortableSleep } from '../abortable-sleep.ts';
import {
  type BoxBulkKind,
  type BulkItem,
  boxMembershipCreatePayloadSchema,
  boxMembershipPayloadSchema,
} from './bulk-operation.ts';
import type { BulkStrategy } from './bulk-strategy.ts';
import { payloadsOf } from './item-payloads.ts';

/**
 * Box has no bulk endpoints: a chunk is a few single requests sent one after another, so the
 * engine's bound on chunks in flight bounds the requests in flight too (5 × 1), and progress moves
 * every few items.
 */
const ITEMS_PER_CHUNK = 5;
/** How many 429s in a row one item waits out (each for Box's `retry-after`) before it fails. */
const MAX_RATE_LIMIT_WAITS = 30;
const NEVER_ABORTED = new AbortController().signal;

type Action = 'create' | 'update' | 'delete';

/** Sends one request, waiting out Box's rate limit as long as it asks, so no item is lost to a 429. */
async function withRateLimitWaits<T>(send: () => Promise<T>): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'rate_limited' || waits >= MAX_RATE_LIMIT_WAITS)
        throw error;
      await abortableSleep((error.retryAfterSeconds ?? 1) * 1000, NEVER_ABORTED);
    }
  }
}

/** Box's answer for one item, in the job-result shape the engine maps back to items. */
function failureOf(error: unknown, action: Action): Omit<JobResult, 'index'> {
  if (error instanceof ApiError && action === 'create' && error.code === 'conflict') {
    return {
      action,
      success: false,
      status: 'Failed',
      error: 'conflict',
      details: 'Already a member of the group',
    };
  }
  if (error instanceof ApiError && action === 'delete' && error.kind === 'not_found') {
    return { action, success: true, status: 'AlreadyRemoved', details: 'The membership was already gone' };
  }
  const code = error instanceof ApiError ? (error.code ?? error.kind) : 'RequestFailed';
  return { action, success: false, status: 'Failed', error: code, details: describeError(error) };
}

function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `box_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

async function runEach<Payload>(
  payloads: readonly Payload[],
  action: Action,
  send: (payload: Payload) => Promise<unknown>,
): Promise<JobStatus> {
  const results: JobResult[] = [];
  for (const [index, payload] of payloads.entries()) {
    try {
      await withRateLimitWaits(() => send(payload));
      results.push({
        index,
        action,
        success: true,
        status: action === 'create' ? 'Created' : action === 'update' ? 'Updated' : 'Deleted',
      });
    } catch (error) {
      results.push({ index, ...failureOf(error, action) });
    }
  }
  return {
    id: newJobId(),
    url: '',
    job_type: 'Box group memberships',
    total: payloads.length,
    progress: payloads.length,
    status: 'completed',
    message: null,
    results,
  };
}

const memberships = (items: readonly BulkItem[], what: string) =>
  payloadsOf(items, boxMembershipPayloadSchema, what);

/** One request per membership: `POST`, `PUT` or `DELETE /group_memberships`. */
export const boxBulkStrategies: Record<BoxBulkKind, BulkStrategy> = {
  'box_group_memberships.create': {
    itemsPerChunk: ITEMS_PER_CHUNK,
    submit: (items) =>
      runEach(
        payloadsOf(items, boxMembershipCreatePayloadSchema, 'a Box membership to create'),
        'create',
        (p) => createBoxMembership({ userId: p.box_user_id, groupId: p.box_group_id }),
      ),
  },
  'box_group_memberships.update': {
    itemsPerChunk: ITEMS_PER_CHUNK,
    submit: (items) =>
      runEach(memberships(items, 'a Box membership to change'), 'update', (p) =>
        updateBoxMembership(p.box_membership_id, {
          ...(p.role && { role: p.role }),
          ...(p.configurable_permissions && { configurable_permissions: p.configurable_permissions }),
        }),
      ),
  },
  'box_group_memberships.destroy': {
    itemsPerChunk: ITEMS_PER_CHUNK,
    submit: (items) =>
      runEach(memberships(items, 'a Box membership to remove'), 'delete', (p) =>
        deleteBoxMembership(p.box_membership_id),
      ),
  },
};
