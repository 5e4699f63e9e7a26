import { fetchAllGroupMemberships } from '../../api/group-memberships.ts';
import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import type { RemoveDialogArgs } from '../../components/members/members-section.tsx';
import { RemoveMembersDialog } from '../../components/members/remove-members-dialog.tsx';
import type { Group } from '../../contract/group.ts';
import type { GroupMembership } from '../../contract/group-membership.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { groupScope } from './group-scope.ts';

export function RemoveGroupMembersDialog(props: RemoveDialogArgs<GroupMembership> & { group: Group }) {
  const { group } = props;
  const engine = useBulkEngine();
  return (
    <RemoveMembersDialog
      from={group.name}
      selection={props.selection}
      total={props.total}
      loaded={props.loadedRows.map((row) => ({ membership: row.membership, name: row.user?.name }))}
      fetchAll={() => fetchAllGroupMemberships(group.id)}
      warning={
        <>
          Zendesk unassigns their open tickets in {group.name}; those tickets will need a new assignee. Where{' '}
          {group.name} is someone's default group, another of their groups becomes the default.
        </>
      }
      onRemove={(targets) => {
        engine.start({
          kind: 'group_memberships.destroy',
          label: `Remove ${targets.length.toLocaleString()} member${targets.length === 1 ? '' : 's'} from ${group.name}`,
          items: targets.map((target) => ({
            label: target.label,
            payload: { membership_id: target.membershipId },
          })),
          invalidates: MEMBERSHIP_AFFECTED_KEYS,
          scope: groupScope(group.id),
        });
        props.onStarted();
      }}
      onClose={props.onClose}
    />
  );
}
