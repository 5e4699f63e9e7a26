import { z } from 'zod/mini';
import type { OperationKind, OperationRequest } from '../../../contract/roster-operations.ts';
import type { ItemAction, ItemOutcome, ItemRecord, OperationParams } from '../../store/operation-store.ts';
import { planBoxAdditions, planBoxMembershipChanges } from '../plan-box.ts';
import { planBoxChanges } from '../plan-box-changes.ts';
import type { PlanDraft } from '../plan-draft.ts';
import { createUpstreamClient, type UpstreamClient, UpstreamFailure } from '../upstream-client.ts';
import { BOX_API } from './box-api.ts';
import { doneOutcome, refusedOutcome } from './item-outcomes.ts';
import type { OperationProvider } from './operation-provider.ts';

const boxMembershipIdSchema = z.looseObject({ id: z.string() });

/** What a mixed change's item goes out as: an add as create, a removal as destroy, a role change as update. */
function sentAs(kind: OperationKind, action: ItemAction | null): OperationKind {
  if (kind !== 'box_group_memberships.change') return kind;
  if (action === 'add') return 'box_group_memberships.create';
  if (action === 'remove') return 'box_group_memberships.destroy';
  if (action === 'set_role') return 'box_group_memberships.update';
  throw new Error(`${kind} has no way to send ${action ?? 'an item without an action'}`);
}

async function send(
  client: UpstreamClient,
  sent: OperationKind,
  item: ItemRecord,
  params: OperationParams,
): Promise<ItemOutcome> {
  switch (sent) {
    case 'box_group_memberships.create': {
      const created = await client.send(
        'POST',
        '/2.0/group_memberships',
        {
          user: { id: item.user.id },
          group: { id: item.target.id },
          ...(item.role !== null && { role: item.role }),
        },
        boxMembershipIdSchema,
      );
      return doneOutcome('Created', created?.id ?? null);
    }
    case 'box_group_memberships.update':
      await client.send(
        'PUT',
        `/2.0/group_memberships/${item.membershipId}`,
        {
          // A mixed change's item carries its new role; an update operation's items share one.
          role: (item.action === 'set_role' ? item.role : params.role) ?? item.role ?? 'member',
          ...(params.permissions && { configurable_permissions: params.permissions }),
        },
        boxMembershipIdSchema,
      );
      return doneOutcome('Updated', item.membershipId);
    case 'box_group_memberships.destroy':
      await client.send('DELETE', `/2.0/group_memberships/${item.membershipId}`, undefined, undefined);
      return doneOutcome('Deleted', item.membershipId);
    default:
      throw new Error(`Box does not send ${sent}`);
  }
}

/**
 * One Box membership change; a retried item reads Box's answers in the light of the try before:
 * a removal whose membership is gone is done, and so is an add Box calls a conflict.
 */
export async function submitBoxItem(
  client: UpstreamClient,
  kind: OperationKind,
  item: ItemRecord,
  params: OperationParams,
): Promise<ItemOutcome> {
  const sent = sentAs(kind, item.action);
  try {
    return await send(client, sent, item, params);
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    if (error.kind === 'not_found' && sent === 'box_group_memberships.destroy') {
      return doneOutcome('AlreadyRemoved', item.membershipId, 'The membership was already gone');
    }
    if (error.code === 'conflict' && sent === 'box_group_memberships.create' && item.resubmitted) {
      return doneOutcome('AlreadyMember', null, 'Added by an earlier attempt whose answer was lost');
    }
    if (error.kind === 'refused' || error.kind === 'not_found') return refusedOutcome(error);
    throw error;
  }
}

function plan(client: UpstreamClient, request: OperationRequest): Promise<PlanDraft> {
  switch (request.kind) {
    case 'box_group_memberships.create':
      return planBoxAdditions(client, request.box_user_ids, request.box_group_ids, request.role);
    case 'box_group_memberships.update':
      return planBoxMembershipChanges(
        client,
        request.kind,
        request.box_membership_ids,
        request.role,
        request.configurable_permissions,
      );
    case 'box_group_memberships.destroy':
      return planBoxMembershipChanges(client, request.kind, request.box_membership_ids);
    case 'box_group_memberships.change':
      return planBoxChanges(client, request.changes);
    default:
      throw new Error(`Box does not plan ${request.kind}`);
  }
}

/** Box: no bulk endpoint, so every item is one request, with bounded concurrency. */
export const boxProvider: OperationProvider = {
  id: 'box',
  name: 'Box',
  client: (upstream, authorization) => createUpstreamClient(upstream, BOX_API, authorization),
  plan,
  singleClaims: () => [{ phase: 'apply' }],
  submitOne: submitBoxItem,
  signedOut: { code: 'BoxNotConnected', description: 'Connect your Box account to Roster to continue' },
  pausedReason: (actorName) => `Paused until ${actorName} connects Box again`,
  // Box moves no tickets and keeps no default: an undo's items say all there is.
  undoWarnings: () => [],
  reverse: {
    'box_group_memberships.create': 'box_group_memberships.destroy',
    'box_group_memberships.destroy': 'box_group_memberships.create',
    'box_group_memberships.update': 'box_group_memberships.update',
    'box_group_memberships.change': 'box_group_memberships.change',
  },
};
