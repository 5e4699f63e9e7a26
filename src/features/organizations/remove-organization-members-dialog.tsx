import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import { fetchAllOrganizationMemberships } from '../../api/organization-memberships.ts';
import type { RemoveDialogArgs } from '../../components/members/members-section.tsx';
import { RemoveMembersDialog } from '../../components/members/remove-members-dialog.tsx';
import type { Organization } from '../../contract/organization.ts';
import type { OrganizationMembership } from '../../contract/organization-membership.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { organizationScope } from './organization-scope.ts';

export function RemoveOrganizationMembersDialog(
  props: RemoveDialogArgs<OrganizationMembership> & { organization: Organization },
) {
  const { organization } = props;
  const engine = useBulkEngine();
  return (
    <RemoveMembersDialog
      from={organization.name}
      selection={props.selection}
      total={props.total}
      loaded={props.loadedRows.map((row) => ({ membership: row.membership, name: row.user?.name }))}
      fetchAll={() => fetchAllOrganizationMemberships(organization.id)}
      warning={
        <>
          Their tickets lose {organization.name} as their organization. Where it is someone's default
          organization, another of their organizations becomes the default.
        </>
      }
      onRemove={(targets) => {
        engine.start({
          kind: 'organization_memberships.destroy',
          label: `Remove ${targets.length.toLocaleString()} member${targets.length === 1 ? '' : 's'} from ${organization.name}`,
          items: targets.map((target) => ({
            label: target.label,
            payload: { membership_id: target.membershipId },
          })),
          invalidates: MEMBERSHIP_AFFECTED_KEYS,
          scope: organizationScope(organization.id),
        });
        props.onStarted();
      }}
      onClose={props.onClose}
    />
  );
}
