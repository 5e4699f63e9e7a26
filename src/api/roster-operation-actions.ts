import { mutationOptions, queryOptions } from '@tanstack/react-query';
import {
  type Operation,
  type OperationRequest,
  operationEnvelopeSchema,
  type Plan,
  planEnvelopeSchema,
} from '../contract/roster-operations.ts';
import { apiRequest } from './api-client.ts';
import { operationKeys } from './roster-operations.ts';

/** The server's review of a request: who is affected, what is skipped and why, what to know first. */
export async function planOperation(request: OperationRequest, signal?: AbortSignal): Promise<Plan> {
  const body = await apiRequest('/roster/operations/plan', {
    method: 'POST',
    body: request,
    schema: planEnvelopeSchema,
    ...(signal && { signal }),
  });
  return body.plan;
}

/** A review asked for when the person presses "Review"; the plan is the mutation's answer. */
export const planOperationMutationOptions = () =>
  mutationOptions({
    mutationKey: operationKeys.plans(),
    mutationFn: (request: OperationRequest) => planOperation(request),
  });

function planQuery(key: readonly unknown[], fetchPlan: (signal: AbortSignal) => Promise<Plan>) {
  return queryOptions({
    queryKey: operationKeys.plan(key),
    queryFn: ({ signal }) => fetchPlan(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

/** A plan asked for as a dialog opens; see `planQueryOptions`. */
export type PlanQueryOptions = ReturnType<typeof planQuery>;

/**
 * A review asked for as soon as a dialog opens (a removal, a role change). Each opening asks
 * again: a plan is a snapshot with an expiry, never served from an earlier visit.
 */
export const planQueryOptions = (request: OperationRequest): PlanQueryOptions =>
  planQuery([request], (signal) => planOperation(request, signal));

/** The same, for a request that needs reads first (Box's "select all" lists the memberships). */
export const resolvedPlanQueryOptions = (
  key: readonly unknown[],
  resolve: (signal: AbortSignal) => Promise<OperationRequest>,
): PlanQueryOptions => planQuery(key, async (signal) => planOperation(await resolve(signal), signal));

/** The reverse of a finished operation, as a plan to review; it starts like any other plan. */
export const undoPlanQueryOptions = (id: string): PlanQueryOptions =>
  planQuery(['undo', id], () => planUndo(id));

/** Starts exactly what was reviewed. */
export async function startOperation(planId: string): Promise<Operation> {
  const body = await apiRequest('/roster/operations', {
    method: 'POST',
    body: { plan_id: planId },
    schema: operationEnvelopeSchema,
  });
  return body.operation;
}

async function operationAction(id: string, action: 'cancel' | 'retry-failed'): Promise<Operation> {
  const body = await apiRequest(`/roster/operations/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    body: {},
    schema: operationEnvelopeSchema,
  });
  return body.operation;
}

/** Unsent items become cancelled; jobs already handed to the upstream run out. */
export const cancelOperation = (id: string) => operationAction(id, 'cancel');

/** Sends the failed items again, in the same operation. */
export const retryFailedItems = (id: string) => operationAction(id, 'retry-failed');

async function planUndo(id: string): Promise<Plan> {
  const body = await apiRequest(`/roster/operations/${encodeURIComponent(id)}/undo`, {
    method: 'POST',
    body: {},
    schema: planEnvelopeSchema,
  });
  return body.plan;
}
