import { planQueryOptions } from '../../api/roster-operation-actions.ts';
import { PlanDialog } from '../../components/operations/plan-dialog.tsx';

/** One of a person's memberships to take away, as the person page names it. */
export type PersonRemoval = {
  kind: 'group_memberships.destroy' | 'organization_memberships.destroy';
  membershipId: number;
  personName: string;
  targetName: string;
};

/**
 * A removal on a person's page goes through the same review as every other: who loses what,
 * whether their default changes and what happens to their tickets, before the red button.
 */
export function RemovePersonMembershipDialog({
  removal,
  onClose,
}: {
  removal: PersonRemoval;
  onClose: () => void;
}) {
  const group = removal.kind === 'group_memberships.destroy';
  return (
    <PlanDialog
      title={`${group ? 'Remove' : 'Unassign'} ${removal.personName} from ${removal.targetName}?`}
      planQuery={planQueryOptions({
        kind: removal.kind,
        memberships: { from: 'ids', ids: [removal.membershipId] },
      })}
      danger
      startLabel={() => (group ? 'Remove from group' : 'Unassign from organization')}
      onClose={onClose}
    />
  );
}
