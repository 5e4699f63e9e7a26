import { fetchAllGroupMemberships } from '../../api/group-memberships.ts';
import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import { AddMembersDialog } from '../../components/members/add-members-dialog.tsx';
import type { Group } from '../../contract/group.ts';
import { isAgentRole, type User } from '../../contract/user.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { groupScope } from './group-scope.ts';

const refusal = (user: User) => (isAgentRole(user.role) ? undefined : 'end user — cannot join groups');

export function AddAgentsDialog({ group, onClose }: { group: Group; onClose: () => void }) {
  const engine = useBulkEngine();
  return (
    <AddMembersDialog
      title={`Add agents to ${group.name}`}
      noun={{ one: 'agent', other: 'agents' }}
      pickerLabel="Find agents by name or email"
      refusal={refusal}
      refused={{
        title: 'Not agents (end users cannot join groups)',
        one: 'not an agent',
        other: 'not agents',
      }}
      loadMemberIds={async () => new Set((await fetchAllGroupMemberships(group.id)).map((m) => m.user_id))}
      onAdd={(users) =>
        engine.start({
          kind: 'group_memberships.create',
          label: `Add ${users.length.toLocaleString()} agent${users.length === 1 ? '' : 's'} to ${group.name}`,
          items: users.map((user) => ({
            label: `${user.name} to ${group.name}`,
            payload: { user_id: user.id, group_id: group.id },
          })),
          invalidates: MEMBERSHIP_AFFECTED_KEYS,
          scope: groupScope(group.id),
        })
      }
      onClose={onClose}
    />
  );
}
