import type { OperationRequest } from '../../contract/roster-operations.ts';
import { planAdditions } from './plan-additions.ts';
import { planBoxAdditions, planBoxMembershipChanges } from './plan-box.ts';
import { planBoxChanges } from './plan-box-changes.ts';
import { planChanges } from './plan-changes.ts';
import type { PlanDraft } from './plan-draft.ts';
import { planRemovals } from './plan-removals.ts';
import type { UpstreamClient } from './upstream-client.ts';

/** The review of one request, by kind; `client` speaks to the kind's provider with the asker's credential. */
export function planOperation(client: UpstreamClient, request: OperationRequest): Promise<PlanDraft> {
  switch (request.kind) {
    case 'group_memberships.create':
      return planAdditions(client, request.kind, request.people, request.group_ids);
    case 'organization_memberships.create':
      return planAdditions(client, request.kind, request.people, request.organization_ids);
    case 'group_memberships.destroy':
    case 'organization_memberships.destroy':
      return planRemovals(client, request.kind, request.memberships);
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
    case 'group_memberships.change':
    case 'organization_memberships.change':
      return planChanges(client, request.kind, request.changes);
    case 'box_group_memberships.change':
      return planBoxChanges(client, request.changes);
  }
}
