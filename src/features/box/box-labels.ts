import type { BoxGroupLevel } from '../../contract/box/box-group.ts';
import type { BoxConfigurablePermission } from '../../contract/box/box-group-membership.ts';

export const BOX_LEVEL_LABELS: Record<BoxGroupLevel, string> = {
  admins_only: 'Admins only',
  admins_and_members: 'Admins and members',
  all_managed_users: 'Everyone',
};

export const BOX_PERMISSION_LABELS: Record<BoxConfigurablePermission, string> = {
  can_run_reports: 'Run reports',
  can_instant_login: 'Log in as users',
  can_create_accounts: 'Create accounts',
  can_edit_accounts: 'Edit accounts',
};
