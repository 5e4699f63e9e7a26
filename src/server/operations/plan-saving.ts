import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { ProviderId } from '../../contract/providers/operation-providers.ts';
import type { Plan } from '../../contract/roster-operations.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { Actor, OperationStore } from '../store/operation-store.ts';
import type { ActorCredentials } from './actor-credentials.ts';
import { OperationInputError, type PlanDraft } from './plan-draft.ts';
import { SKIP_REASONS } from './present-operation.ts';
import { providerById } from './providers/operation-providers.ts';
import { type UpstreamClient, UpstreamFailure } from './upstream-client.ts';

/** A review's id works this long. */
export const PLAN_TTL_MS = 30 * 60_000;

export function rosterError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 502 | 503,
  error: string,
  description: string,
  details?: { path: string; message: string }[],
) {
  return c.json({ error, description, ...(details && { details }) }, status);
}

/**
 * Runs `plan` with the asker's own credential for the provider, and counts the upstream requests it
 * took. `options` names each provider's upstream by the provider's id.
 */
export function planWithCredential(
  options: { credentials: ActorCredentials } & Readonly<Record<ProviderId, Upstream>>,
) {
  return async <T>(
    actor: Actor,
    plan: (client: UpstreamClient) => Promise<T>,
    providerId: ProviderId,
  ): Promise<{ result: T; requests: number }> => {
    const provider = providerById(providerId);
    const credential = await options.credentials.credential(provider.id, actor.id);
    if (credential.kind === 'signedOut') {
      throw new OperationInputError(403, provider.signedOut.code, provider.signedOut.description);
    }
    if (credential.kind === 'unavailable')
      throw new UpstreamFailure('transient', credential.description, 503, 'UpstreamUnavailable', undefined);
    const client = provider.client(options[provider.id], credential.authorization);
    const result = await plan(client);
    return { result, requests: client.requests() };
  };
}

/** Keeps a review in the store for `PLAN_TTL_MS`, so that what was reviewed is what starts. */
export function planSaver(store: OperationStore, now: () => number) {
  return async (actor: Actor, planned: { result: PlanDraft; requests: number }): Promise<Plan> => {
    const { result } = planned;
    const id = `plan_${randomBytes(12).toString('hex')}`;
    const createdAt = now();
    const counts = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Plan['counts'];
    for (const entry of result.skipped) counts[entry.reason]++;
    const plan: Plan = {
      id,
      kind: result.operation.kind,
      label: result.operation.label,
      created_at: new Date(createdAt).toISOString(),
      expires_at: new Date(createdAt + PLAN_TTL_MS).toISOString(),
      total: result.total,
      items: result.items,
      items_complete: !result.operation.expanding,
      // In the order of the pasted text, so a person can go down their list; entries without a line last.
      skipped: [...result.skipped].sort(
        (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
      ),
      counts,
      warnings: result.warnings,
      ...(result.operation.undoOf !== null && { undo_of: result.operation.undoOf }),
      requests: planned.requests,
    };
    await store.savePlan(
      id,
      { plan, actorId: actor.id, operation: result.operation },
      createdAt + PLAN_TTL_MS,
    );
    return plan;
  };
}

/** A review's refusals (bad input, the upstream's answers) as Roster's error bodies. */
export async function answerPlanningErrors(c: Context, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OperationInputError) return rosterError(c, error.status, error.code, error.message);
    if (error instanceof UpstreamFailure) {
      if (error.kind === 'unauthorized')
        return rosterError(c, 401, 'SignInRequired', 'The upstream refused your credential; sign in again');
      if (error.status === 403) return rosterError(c, 403, 'Forbidden', error.message);
      if (error.kind === 'refused') return rosterError(c, 422, error.code ?? 'Refused', error.message);
      return rosterError(c, 503, 'UpstreamUnavailable', `Could not review this now: ${error.message}`);
    }
    throw error;
  }
}
