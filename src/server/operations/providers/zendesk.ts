import { z } from 'zod/mini';
import { type JobStatus, jobStatusSchema } from '../../../contract/job-status.ts';
import type { OperationKind, OperationRequest } from '../../../contract/roster-operations.ts';
import type { ItemAction, ItemRecord, NewItem, OperationRecord } from '../../store/operation-store.ts';
import { expandListPage } from '../expand-list.ts';
import { outcomesFromJob } from '../job-outcomes.ts';
import { planAdditions } from '../plan-additions.ts';
import { planChanges } from '../plan-changes.ts';
import type { PlanDraft } from '../plan-draft.ts';
import { planRemovals } from '../plan-removals.ts';
import { createUpstreamClient, type UpstreamClient, UpstreamFailure } from '../upstream-client.ts';
import { doneOutcome, refusedOutcome } from './item-outcomes.ts';
import type { ClaimSlice, OperationProvider } from './operation-provider.ts';
import { ZENDESK_API } from './zendesk-api.ts';

const jobEnvelopeSchema = z.looseObject({ job_status: jobStatusSchema });
const showManySchema = z.looseObject({ job_statuses: z.array(jobStatusSchema) });

const isChange = (kind: OperationKind) =>
  kind === 'group_memberships.change' || kind === 'organization_memberships.change';

/** What a mixed change's add or removal goes out as: the list's own create_many or destroy_many. */
function sentAs(kind: OperationKind, action: ItemAction | null): OperationKind {
  if (!isChange(kind)) return kind;
  const list = kind === 'group_memberships.change' ? 'group_memberships' : 'organization_memberships';
  if (action === 'add') return `${list}.create`;
  if (action === 'remove') return `${list}.destroy`;
  throw new Error(`${kind} sends ${action ?? 'an item without an action'} one at a time, not in a job`);
}

async function submitJob(
  client: UpstreamClient,
  kind: OperationKind,
  action: ItemAction | null,
  items: readonly ItemRecord[],
): Promise<JobStatus> {
  const ids = () => items.map((item) => item.membershipId).join(',');
  const sent = sentAs(kind, action);
  let answer: z.infer<typeof jobEnvelopeSchema> | undefined;
  switch (sent) {
    case 'group_memberships.create':
      answer = await client.send(
        'POST',
        '/group_memberships/create_many',
        {
          group_memberships: items.map((item) => ({
            user_id: Number(item.user.id),
            group_id: Number(item.target.id),
          })),
        },
        jobEnvelopeSchema,
      );
      break;
    case 'organization_memberships.create':
      answer = await client.send(
        'POST',
        '/organization_memberships/create_many',
        {
          organization_memberships: items.map((item) => ({
            user_id: Number(item.user.id),
            organization_id: Number(item.target.id),
            ...(item.viewTickets !== null && { view_tickets: item.viewTickets }),
          })),
        },
        jobEnvelopeSchema,
      );
      break;
    case 'group_memberships.destroy':
      answer = await client.send(
        'DELETE',
        `/group_memberships/destroy_many?ids=${ids()}`,
        undefined,
        jobEnvelopeSchema,
      );
      break;
    case 'organization_memberships.destroy':
      answer = await client.send(
        'DELETE',
        `/organization_memberships/destroy_many?ids=${ids()}`,
        undefined,
        jobEnvelopeSchema,
      );
      break;
    default:
      throw new Error(`${sent} is not sent as a job`);
  }
  if (!answer)
    throw new UpstreamFailure(
      'transient',
      'Zendesk answered without a job',
      undefined,
      'ContractViolation',
      undefined,
    );
  return answer.job_status;
}

/** Zendesk's make_default, after a re-add that restores a default or as a mixed change's own item. */
async function makeDefault(client: UpstreamClient, item: ItemRecord) {
  const path =
    item.target.type === 'group'
      ? `/users/${item.user.id}/group_memberships/${item.membershipId}/make_default`
      : `/users/${item.user.id}/organization_memberships/${item.membershipId}/make_default`;
  try {
    await client.send('PUT', path, undefined, undefined);
  } catch (error) {
    if (error instanceof UpstreamFailure && (error.kind === 'refused' || error.kind === 'not_found'))
      return refusedOutcome(error);
    throw error;
  }
  if (item.action === 'make_default') return doneOutcome('Updated', item.membershipId, 'Made their default');
  return item.action === 'add'
    ? doneOutcome('Created', item.membershipId, 'Added and made their default')
    : doneOutcome('Created', item.membershipId, 'Added again and made their default, as it was');
}

const TICKETS_KEPT =
  'Ticket reassignments Zendesk already made when the memberships were removed are not undone.';

/** Undoing a removal brings no tickets back; undoing an add takes away tickets given since. */
function undoWarnings(operation: OperationRecord, items: readonly NewItem[]): string[] {
  const restored = items.filter((item) => item.restoreDefault).length;
  const restoredNote = `${restored.toLocaleString('en-US')} of them are made default again, as they were.`;
  if (isChange(operation.kind)) {
    const readded = items.filter((item) => item.action === 'add').length;
    const removed = items.filter((item) => item.action === 'remove').length;
    return [
      ...(readded > 0 ? [TICKETS_KEPT] : []),
      ...(restored > 0 ? [restoredNote] : []),
      ...(removed > 0
        ? ['Removing the memberships it added unassigns any tickets given to those people there since.']
        : []),
    ];
  }
  if (operation.kind.endsWith('.destroy')) return [TICKETS_KEPT, ...(restored > 0 ? [restoredNote] : [])];
  return [
    `Removing the memberships it added unassigns any tickets given to those people in ${
      operation.targets.length === 1 ? operation.targets[0]?.name : 'those places'
    } since.`,
  ];
}

function plan(client: UpstreamClient, request: OperationRequest): Promise<PlanDraft> {
  switch (request.kind) {
    case 'group_memberships.create':
      return planAdditions(client, request.kind, request.people, request.group_ids);
    case 'organization_memberships.create':
      return planAdditions(client, request.kind, request.people, request.organization_ids);
    case 'group_memberships.destroy':
    case 'organization_memberships.destroy':
      return planRemovals(client, request.kind, request.memberships);
    case 'group_memberships.change':
    case 'organization_memberships.change':
      return planChanges(client, request.kind, request.changes);
    default:
      throw new Error(`Zendesk does not plan ${request.kind}`);
  }
}

/**
 * Zendesk: adds and removals in jobs of at most 100 (create_many, destroy_many), watched with one
 * show_many for every running job; default changes one request each; "select all" walks the list.
 */
export const zendeskProvider: OperationProvider = {
  id: 'zendesk',
  name: 'Zendesk',
  client: (upstream, authorization) => createUpstreamClient(upstream, ZENDESK_API, authorization),
  plan,
  jobs: {
    maxItems: 100,
    maxReads: 100,
    claims: (kind): ClaimSlice[] =>
      isChange(kind)
        ? [
            { phase: 'apply', action: 'add' },
            { phase: 'apply', action: 'remove' },
          ]
        : [{ phase: 'apply' }],
    submit: submitJob,
    outcomes: outcomesFromJob,
    async read(client, jobIds) {
      const answer = await client.get(`/job_statuses/show_many?ids=${jobIds.join(',')}`, showManySchema);
      return answer.job_statuses;
    },
  },
  singleClaims: (kind) =>
    isChange(kind)
      ? [{ phase: 'make_default' }, { phase: 'apply', action: 'make_default' }]
      : [{ phase: 'make_default' }],
  submitOne: (client, _kind, item) => makeDefault(client, item),
  expandPage: expandListPage,
  signedOut: { code: 'SignInRequired', description: 'Sign in to Roster to continue' },
  pausedReason: (actorName) => `Paused until ${actorName} signs in again`,
  undoWarnings,
  reverse: {
    'group_memberships.create': 'group_memberships.destroy',
    'group_memberships.destroy': 'group_memberships.create',
    'organization_memberships.create': 'organization_memberships.destroy',
    'organization_memberships.destroy': 'organization_memberships.create',
    'group_memberships.change': 'group_memberships.change',
    'organization_memberships.change': 'organization_memberships.change',
  },
};
