import { createManyJob, destroyManyJob } from '../../api/membership-bulk-jobs.ts';
import {
  type BulkItem,
  groupMembershipPayloadSchema,
  membershipIdPayloadSchema,
  organizationMembershipPayloadSchema,
  type ZendeskBulkKind,
} from './bulk-operation.ts';
import type { BulkStrategy } from './bulk-strategy.ts';
import { payloadsOf } from './item-payloads.ts';

const membershipIds = (items: readonly BulkItem[], what: string) =>
  payloadsOf(items, membershipIdPayloadSchema, what).map((payload) => payload.membership_id);

/** Zendesk's create_many / destroy_many, each answering with a job status. */
export const zendeskBulkStrategies: Record<ZendeskBulkKind, BulkStrategy> = {
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
