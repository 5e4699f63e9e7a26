import { z } from 'zod/mini';
import { type JobStatus, jobStatusSchema } from '../../contract/job-status.ts';
import type { BulkKind, OperationKind } from '../../contract/roster-operations.ts';
import type { ItemOutcome, ItemRecord, OperationParams } from '../store/operation-store.ts';
import { sentAs } from './change-kinds.ts';
import { type UpstreamClient, UpstreamFailure } from './upstream-client.ts';

export type Provider = 'zendesk' | 'box';

export function providerOf(kind: OperationKind): Provider {
  return kind.startsWith('box_') ? 'box' : 'zendesk';
}

/** Zendesk's create_many / destroy_many take 100 items and answer with a job; Box has one request per item. */
export function sendsJobs(kind: OperationKind): boolean {
  return providerOf(kind) === 'zendesk';
}

export const MAX_ITEMS_PER_JOB = 100;

const jobEnvelopeSchema = z.looseObject({ job_status: jobStatusSchema });

/** Sends one chunk of a Zendesk bulk kind; answers the job to poll. */
export async function submitJob(
  client: UpstreamClient,
  kind: BulkKind,
  items: readonly ItemRecord[],
): Promise<JobStatus> {
  const ids = () => items.map((item) => item.membershipId).join(',');
  let answer: z.infer<typeof jobEnvelopeSchema> | undefined;
  switch (kind) {
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
      throw new Error(`${kind} is not sent as a job`);
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

const boxMembershipIdSchema = z.looseObject({ id: z.string() });

const done = (status: string, resultId: string | null, details: string | null = null): ItemOutcome => ({
  success: true,
  status,
  error: null,
  details,
  resultId,
});

/**
 * Sends one item on its own: a Box membership change, or (after a re-add) Zendesk's make_default.
 * Answers the item's outcome; throws an UpstreamFailure the runner may retry.
 */
export async function submitOne(
  client: UpstreamClient,
  kind: OperationKind,
  item: ItemRecord,
  params: OperationParams,
): Promise<ItemOutcome> {
  const sent = sentAs(kind, item.action);
  try {
    if (item.phase === 'make_default' || sent === 'make_default') {
      const path =
        item.target.type === 'group'
          ? `/users/${item.user.id}/group_memberships/${item.membershipId}/make_default`
          : `/users/${item.user.id}/organization_memberships/${item.membershipId}/make_default`;
      await client.send('PUT', path, undefined, undefined);
      if (sent === 'make_default') return done('Updated', item.membershipId, 'Made their default');
      return item.action === 'add'
        ? done('Created', item.membershipId, 'Added and made their default')
        : done('Created', item.membershipId, 'Added again and made their default, as it was');
    }
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
        return done('Created', created?.id ?? null);
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
        return done('Updated', item.membershipId);
      case 'box_group_memberships.destroy':
        await client.send('DELETE', `/2.0/group_memberships/${item.membershipId}`, undefined, undefined);
        return done('Deleted', item.membershipId);
      default:
        throw new Error(`${sent} is sent as a job`);
    }
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    if (error.kind === 'not_found' && sent === 'box_group_memberships.destroy') {
      return done('AlreadyRemoved', item.membershipId, 'The membership was already gone');
    }
    if (error.code === 'conflict' && sent === 'box_group_memberships.create' && item.resubmitted) {
      return done('AlreadyMember', null, 'Added by an earlier attempt whose answer was lost');
    }
    if (error.kind === 'refused' || error.kind === 'not_found') {
      return {
        success: false,
        status: 'Failed',
        error: error.code ?? String(error.status),
        details: error.message,
        resultId: null,
      };
    }
    throw error;
  }
}
