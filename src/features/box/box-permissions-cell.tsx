import { useQuery } from '@tanstack/react-query';
import { boxMembershipQueryOptions } from '../../api/box/box-memberships.ts';
import { boxMeQueryOptions, mayGrantBoxPermissions } from '../../api/box/box-users.ts';
import {
  BOX_CONFIGURABLE_PERMISSIONS,
  type BoxGroupMembership,
} from '../../contract/box/box-group-membership.ts';
import { BOX_PERMISSION_LABELS } from './box-labels.ts';
import './box.css';

/**
 * List entries leave an admin's permissions out, so each visible admin row reads its own
 * membership; the table is virtualized, so only the rows on screen ask.
 */
export function BoxPermissionsCell({
  membership,
  onEdit,
}: {
  membership: BoxGroupMembership;
  onEdit: (membership: BoxGroupMembership) => void;
}) {
  const detail = useQuery(boxMembershipQueryOptions(membership.id));
  const me = useQuery(boxMeQueryOptions());
  const grants = me.data !== undefined && mayGrantBoxPermissions(me.data);
  const permissions = detail.data?.configurable_permissions;
  const enabled = permissions ? BOX_CONFIGURABLE_PERMISSIONS.filter((key) => permissions[key]) : [];
  const text = detail.isError
    ? 'Could not load'
    : !detail.data
      ? '…'
      : enabled.length === 0
        ? 'None'
        : enabled.map((key) => BOX_PERMISSION_LABELS[key]).join(', ');
  return (
    <span className="permissions-cell">
      <span className="truncate" title={text} data-testid="admin-permissions">
        {text}
      </span>
      <button
        type="button"
        className="button-link"
        aria-label={`Edit ${membership.user.name}'s admin permissions`}
        onClick={() => onEdit(detail.data ?? membership)}
        disabled={!detail.data || !grants}
        title={me.data && !grants ? 'Only Box enterprise admins and co-admins can change these' : undefined}
      >
        Edit
      </button>
    </span>
  );
}
