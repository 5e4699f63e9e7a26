import type { JobResult } from '../../../contract/job-status.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { createGroupMembership, destroyGroupMembership } from '../store/group-memberships.ts';
import type { MembershipRefusal } from '../store/membership-refusal.ts';
import {
  createOrganizationMembership,
  destroyOrganizationMembership,
} from '../store/organization-memberships.ts';

export type GroupMembershipItem = { user_id: number; group_id: number; default?: boolean | undefined };
export type OrganizationMembershipItem = { user_id: number; organization_id: number; view_tickets?: boolean };

type JobKind<Item> = {
  /** Zendesk's `job_type` (our wording; Zendesk does not document the exact strings). */
  jobType: string;
  process(db: SandboxDatabase, item: Item, index: number): JobResult;
};

function created(index: number, id: number): JobResult {
  return { index, action: 'create', id, status: 'Created', success: true };
}

/** The contract's failure carries an `id`; only a duplicate has a record to name, so other refusals omit it. */
function refused(index: number, refusal: MembershipRefusal): JobResult {
  return {
    ...(refusal.existingId !== undefined && { id: refusal.existingId }),
    index,
    action: 'create',
    success: false,
    status: 'Failed',
    error: refusal.error,
    details: refusal.description,
  };
}

function deleted(index: number, id: number, found: boolean, what: string): JobResult {
  return found
    ? { index, action: 'delete', id, status: 'Deleted', success: true }
    : {
        index,
        action: 'delete',
        id,
        success: false,
        status: 'Failed',
        error: 'RecordNotFound',
        details: `${what} ${id} does not exist`,
      };
}

export const JOB_KINDS = {
  'group_memberships.create_many': {
    jobType: 'Bulk Create Group Memberships',
    process(db, item, index) {
      const outcome = createGroupMembership(db, item.user_id, item.group_id, { makeDefault: item.default });
      return outcome.refusal ? refused(index, outcome.refusal) : created(index, outcome.row.id);
    },
  } satisfies JobKind<GroupMembershipItem>,
  'group_memberships.destroy_many': {
    jobType: 'Bulk Delete Group Memberships',
    process(db, id, index) {
      return deleted(index, id, destroyGroupMembership(db, id), 'Group membership');
    },
  } satisfies JobKind<number>,
  'organization_memberships.create_many': {
    jobType: 'Bulk Create Organization Memberships',
    process(db, item, index) {
      const outcome = createOrganizationMembership(db, item.user_id, item.organization_id, item.view_tickets);
      return outcome.refusal ? refused(index, outcome.refusal) : created(index, outcome.row.id);
    },
  } satisfies JobKind<OrganizationMembershipItem>,
  'organization_memberships.destroy_many': {
    jobType: 'Bulk Delete Organization Memberships',
    process(db, id, index) {
      return deleted(index, id, destroyOrganizationMembership(db, id), 'Organization membership');
    },
  } satisfies JobKind<number>,
};

export type JobKindName = keyof typeof JOB_KINDS;
export type JobItemOf<Name extends JobKindName> = Parameters<(typeof JOB_KINDS)[Name]['process']>[1];

export function isJobKindName(value: string): value is JobKindName {
  return Object.hasOwn(JOB_KINDS, value);
}
