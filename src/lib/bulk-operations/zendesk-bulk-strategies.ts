import type { z } from 'zod/mini';
import { createManyJob, destroyManyJob } from '../../api/membership-bulk-jobs.ts';
import {
  type BulkItem,
  groupMembershipPayloadSchema,
  membershipIdPayloadSchema,
  organizationMembershipPayloadSchema,
} from './bulk-operation.ts';
import type { BulkStrategies } from './bulk-strategy.ts';

/** A payload of the wrong shape is a programming error; it fails the chunk with a readable reason. */
function payloadsOf<Schema extends z.ZodMiniType>(
  items: readonly BulkItem[],
  schema: Schema,
  what: string,
): z.infer<Schema>[] {
  return items.map((item) => {
    const parsed = schema.safeParse(item.payload);
    if (!parsed.success) throw new Error(`"${item.label}" does not describe ${what}`);
    return parsed.data;
  });
}

const membershipIds = (items: readonly BulkItem[], what: string) =>
  payloadsOf(items, membershipIdPayloadSchema, what).map((payload) => payload.membership_id);

/** Zendesk's create_many / destroy_many, each answering with a job status. */
export const zendeskBulkStrategies: BulkStrategies = {
  'group_memberships.create': {
    submit: (items) =>
      createManyJob(
        'group_memberships',
        payloadsOf(items, groupMembershipPayloadSchema, 'a group membership to create'),
      ),
  },
  'group_memberships.destroy': {
    submit: (items) =>
      destroyManyJob('group_memberships', membershipIds(items, 'a group membership to remove')),
  },
  'organization_memberships.create': {
    submit: (items) =>
      createManyJob(
        'organization_memberships',
        payloadsOf(items, organizationMembershipPayloadSchema, 'an organization membership to create'),
      ),
  },
  'organization_memberships.destroy': {
    submit: (items) =>
      destroyManyJob(
        'organization_memberships',
        membershipIds(items, 'an organization membership to remove'),
      ),
  },
};
