import { AddMembersDialog } from '../../components/members/add-members-dialog.tsx';
import type { Group } from '../../contract/group.ts';
import { isAgentRole, type User } from '../../contract/user.ts';

const refusal = (user: User) => (isAgentRole(user.role) ? undefined : 'end user — cannot join groups');

export function AddAgentsDialog({ group, onClose }: { group: Group; onClose: () => void }) {
  return (
    <AddMembersDialog
      title={`Add agents to ${group.name}`}
      noun={{ one: 'agent', other: 'agents' }}
      pickerLabel="Find agents by name or email"
      refusal={refusal}
      refused={{ one: 'not an agent', other: 'not agents' }}
      request={(people) => ({ kind: 'group_memberships.create', people, group_ids: [group.id] })}
      onClose={onClose}
    />
  );
}
