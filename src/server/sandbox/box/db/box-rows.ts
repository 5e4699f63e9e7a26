import type { BoxGroupLevel } from '../../../../contract/box/box-group.ts';
import type { BoxMembershipRole } from '../../../../contract/box/box-group-membership.ts';
import type { BoxUserRole } from '../../../../contract/box/box-user.ts';

export type BoxUserRow = {
  id: number;
  name: string;
  login: string;
  role: BoxUserRole;
  status: 'active' | 'inactive';
  created_at: string;
  modified_at: string;
};

export type BoxGroupRow = {
  id: number;
  name: string;
  group_type: 'managed_group' | 'all_users_group';
  description: string | null;
  provenance: string | null;
  external_sync_identifier: string | null;
  invitability_level: BoxGroupLevel;
  member_viewability_level: BoxGroupLevel;
  created_at: string;
  modified_at: string;
};

/** A membership joined with its user's and group's names, as every read returns it. */
export type BoxMembershipRow = {
  id: number;
  user_id: number;
  group_id: number;
  role: BoxMembershipRole;
  configurable_permissions: string | null;
  created_at: string;
  modified_at: string;
  user_name: string;
  user_login: string;
  group_name: string;
  group_type: 'managed_group' | 'all_users_group';
};
