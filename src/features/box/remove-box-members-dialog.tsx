import { resolvedPlanQueryOptions } from '../../api/roster-operation-actions.ts';
import type { RowSelection } from '../../components/data-table/row-selection.ts';
import { PlanDialog } from '../../components/operations/plan-dialog.tsx';
import type { BoxGroup } from '../../contract/box/box-group.ts';
import type { BoxGroupMembership } from '../../contract/box/box-group-membership.ts';
import { plural } from '../../contract/plural.ts';
import { selectedMembershipIds, selectionKey } from './box-membership-selection.ts';

/** Reviews a removal from a Box group, names who loses access, then starts it on the server. */
export function RemoveBoxMembersDialog(props: {
  group: BoxGroup;
  selection: RowSelection<string>;
  rows: readonly BoxGroupMembership[];
  count: number;
  onStarted: () => void;
  onClose: () => void;
}) {
  const { group, selection, rows } = props;
  return (
    <PlanDialog
      title={`Remove ${plural(props.count, 'member', 'members')}?`}
      planQuery={resolvedPlanQueryOptions(['box-remove', group.id, ...selectionKey(selection)], async () => ({
        kind: 'box_group_memberships.destroy',
        box_membership_ids: await selectedMembershipIds(selection, rows, group.id),
      }))}
      danger
      startLabel={(plan) => `Remove ${plan.total.toLocaleString()}`}
      onStarted={props.onStarted}
      onClose={props.onClose}
    />
  );
}
