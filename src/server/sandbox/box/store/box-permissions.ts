import type {
  BoxConfigurablePermissions,
  BoxConfigurablePermissionsInput,
} from '../../../../contract/box/box-group-membership.ts';

const ALL_ENABLED: BoxConfigurablePermissions = {
  can_run_reports: true,
  can_instant_login: true,
  can_create_accounts: true,
  can_edit_accounts: true,
};
const ALL_DISABLED: BoxConfigurablePermissions = {
  can_run_reports: false,
  can_instant_login: false,
  can_create_accounts: false,
  can_edit_accounts: false,
};

/**
 * What an admin membership may do, as stored: keys left out of a request are enabled and `null`
 * disables all. Members hold no permissions (NULL), whatever the request said.
 */
export function storedPermissions(
  role: 'member' | 'admin',
  input: BoxConfigurablePermissionsInput | undefined,
  current: BoxConfigurablePermissions | null = null,
): string | null {
  if (role !== 'admin') return null;
  if (input === null) return JSON.stringify(ALL_DISABLED);
  if (input === undefined) return JSON.stringify(current ?? ALL_ENABLED);
  return JSON.stringify({ ...ALL_ENABLED, ...input });
}
