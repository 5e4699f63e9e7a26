import type { BoxGroup, BoxGroupMini } from '../../../../contract/box/box-group.ts';
import type {
  BoxConfigurablePermissions,
  BoxGroupMembership,
} from '../../../../contract/box/box-group-membership.ts';
import type { BoxUser, BoxUserMini } from '../../../../contract/box/box-user.ts';
import type { BoxGroupRow, BoxMembershipRow, BoxUserRow } from '../db/box-rows.ts';

export function presentBoxUser(row: BoxUserRow): BoxUser {
  return {
    type: 'user',
    id: String(row.id),
    name: row.name,
    login: row.login,
    role: row.role,
    status: row.status,
    created_at: row.created_at,
    modified_at: row.modified_at,
  };
}

export function presentBoxUserMini(row: Pick<BoxUserRow, 'id' | 'name' | 'login'>): BoxUserMini {
  return { type: 'user', id: String(row.id), name: row.name, login: row.login };
}

export function presentBoxGroup(row: BoxGroupRow): BoxGroup {
  return {
    type: 'group',
    id: String(row.id),
    name: row.name,
    group_type: row.group_type,
    description: row.description,
    provenance: row.provenance,
    external_sync_identifier: row.external_sync_identifier,
    invitability_level: row.invitability_level,
    member_viewability_level: row.member_viewability_level,
    created_at: row.created_at,
    modified_at: row.modified_at,
  };
}

export function presentBoxGroupMini(row: Pick<BoxGroupRow, 'id' | 'name' | 'group_type'>): BoxGroupMini {
  return { type: 'group', id: String(row.id), name: row.name, group_type: row.group_type };
}

/** List entries leave `configurable_permissions` out; a single record carries it (null for members). */
export function presentBoxMembership(row: BoxMembershipRow, single: boolean): BoxGroupMembership {
  return {
    type: 'group_membership',
    id: String(row.id),
    user: presentBoxUserMini({ id: row.user_id, name: row.user_name, login: row.user_login }),
    group: presentBoxGroupMini({ id: row.group_id, name: row.group_name, group_type: row.group_type }),
    role: row.role,
    ...(single && {
      configurable_permissions:
        row.role === 'admin' && row.configurable_permissions !== null
          ? (JSON.parse(row.configurable_permissions) as BoxConfigurablePermissions)
          : null,
    }),
    created_at: row.created_at,
    modified_at: row.modified_at,
  };
}
