import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import { fetchAllOrganizationMemberships } from '../../api/organization-memberships.ts';
import { AddMembersDialog } from '../../components/members/add-members-dialog.tsx';
import type { Organization } from '../../contract/organization.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { organizationScope } from './organization-scope.ts';

/** Anyone can belong to an organization, agents and end users alike. */
const anyoneMayJoin = () => undefined;

export function AddUsersDialog({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  const engine = useBulkEngine();
  return (
    <AddMembersDialog
      title={`Add users to ${organization.name}`}
      noun={{ one: 'user', other: 'users' }}
      pickerLabel="Find users by name or email"
      refusal={anyoneMayJoin}
      refused={{ title: 'Cannot join', one: 'cannot join', other: 'cannot join' }}
      loadMemberIds={async () =>
        new Set((await fetchAllOrganizationMemberships(organization.id)).map((m) => m.user_id))
      }
      onAdd={(users) =>
        engine.start({
          kind: 'organization_memberships.create',
          label: `Add ${users.length.toLocaleString()} user${users.length === 1 ? '' : 's'} to ${organization.name}`,
          items: users.map((user) => ({
            label: `${user.name} to ${organization.name}`,
            payload: { user_id: user.id, organization_id: organization.id },
          })),
          invalidates: MEMBERSHIP_AFFECTED_KEYS,
          scope: organizationScope(organization.id),
        })
      }
      onClose={onClose}
    />
  );
}
