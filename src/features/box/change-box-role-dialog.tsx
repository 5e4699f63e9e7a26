import { resolvedPlanQueryOptions } from '../../api/roster-operation-actions.ts';
import type { RowSelection } from '../../components/data-table/row-selection.ts';
import { PlanDialog } from '../../components/operations/plan-dialog.tsx';
import type { BoxGroup } from '../../contract/box/box-group.ts';
import type {
  BoxConfigurablePermissions,
  BoxGroupMembership,
  BoxMembershipRole,
} from '../../contract/box/box-group-membership.ts';
import { plural } from '../../contract/plural.ts';
import { selectedMembershipIds, selectionKey } from './box-membership-selection.ts';

const ROLE_WORDS: Record<BoxMembershipRole, { one: string; other: string }> = {
  admin: { one: 'admin', other: 'admins' },
  member: { one: 'member', other: 'members' },
};

/** Reviews making the selected members admins (or members again) before it starts. */
export function ChangeBoxRoleDialog(props: {
  group: BoxGroup;
  role: BoxMembershipRole;
  /** For new admins: exactly what they may do; left out when this Box account may not grant it. */
  permissions?: BoxConfigurablePermissions | undefined;
  selection: RowSelection<string>;
  rows: readonly BoxGroupMembership[];
  count: number;
  onStarted: () => void;
  onClose: () => void;
}) {
  const { group, role, selection, rows } = props;
  const words = ROLE_WORDS[role];
  return (
    <PlanDialog
      title={`Make ${plural(props.count, words.one, words.other)} in ${group.name}?`}
      planQuery={resolvedPlanQueryOptions(
        ['box-role', group.id, role, props.permissions, ...selectionKey(selection)],
        async () => ({
          kind: 'box_group_memberships.update',
          box_membership_ids: await selectedMembershipIds(selection, rows, group.id),
          role,
          ...(props.permissions && { configurable_permissions: props.permissions }),
        }),
      )}
      startLabel={(plan) => `Make ${plural(plan.total, words.one, words.other)}`}
      onStarted={props.onStarted}
      onClose={props.onClose}
    />
  );
}
