import { AddMembersDialog } from '../../components/members/add-members-dialog.tsx';
import type { Organization } from '../../contract/organization.ts';

/** Anyone can belong to an organization, agents and end users alike. */
const anyoneMayJoin = () => undefined;

export function AddUsersDialog({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  return (
    <AddMembersDialog
      title={`Add users to ${organization.name}`}
      noun={{ one: 'user', other: 'users' }}
      pickerLabel="Find users by name or email"
      refusal={anyoneMayJoin}
      refused={{ one: 'cannot join', other: 'cannot join' }}
      request={(people) => ({
        kind: 'organization_memberships.create',
        people,
        organization_ids: [organization.id],
      })}
      onClose={onClose}
    />
  );
}
