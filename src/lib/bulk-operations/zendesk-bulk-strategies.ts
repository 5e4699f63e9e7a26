import type { z } from 'zod';
import { createGroupMembershipsJob, destroyGroupMembershipsJob } from '../../api/group-memberships.ts';
import {
  createOrganizationMembershipsJob,
  destroyOrganizationMembershipsJob,
} from '../../api/organization-memberships.ts';
import {
  type BulkItem,
  groupMembershipPayloadSchema,
  membershipIdPayloadSchema,
  organizationMembershipPayloadSchema,
} from './bulk-operation.ts';
import type { BulkStrategies } from './bulk-strategy.ts';

/** A payload of the wrong shape is a programming error; it fails the chunk with a readable reason. */
function payloadsOf<Schema extends z.ZodType>(
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

/** Zendesk's create_many / destroy_many, each answering with a job status. */
export const zendeskBulkStrategies: BulkStrategies = {
  'group_memberships.create': {
    submit: (items) =>
      createGroupMembershipsJob(
        payloadsOf(items, groupMembershipPayloadSchema, 'a group membership to create'),
      ),
  },
  'group_memberships.destroy': {
    submit: (items) =>
      destroyGroupMembershipsJob(
        payloadsOf(items, membershipIdPayloadSchema, 'a group membership to remove').map(
          (p) => p.membership_id,
        ),
      ),
  },
  'organization_memberships.create': {
    submit: (items) =>
      createOrganizationMembershipsJob(
        payloadsOf(items, organizationMembershipPayloadSchema, 'an organization membership to create'),
      ),
  },
  'organization_memberships.destroy': {
    submit: (items) =>
      destroyOrganizationMembershipsJob(
        payloadsOf(items, membershipIdPayloadSchema, 'an organization membership to remove').map(
          (p) => p.membership_id,
        ),
      ),
  },
};
