import type { OperationRequest } from '../../contract/roster-operations.ts';
import type { PlanDraft } from './plan-draft.ts';
import { providerFor } from './providers/operation-providers.ts';
import type { UpstreamClient } from './upstream-client.ts';

/** The review of one request, by its provider; `client` speaks to that provider with the asker's credential. */
export function planOperation(client: UpstreamClient, request: OperationRequest): Promise<PlanDraft> {
  return providerFor(request.kind).plan(client, request);
}
