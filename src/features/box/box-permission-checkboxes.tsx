import {
  BOX_CONFIGURABLE_PERMISSIONS,
  type BoxConfigurablePermissions,
} from '../../contract/box/box-group-membership.ts';
import { BOX_PERMISSION_LABELS } from './box-labels.ts';
import './box.css';

export const NO_BOX_PERMISSIONS: BoxConfigurablePermissions = {
  can_run_reports: false,
  can_instant_login: false,
  can_create_accounts: false,
  can_edit_accounts: false,
};

/** The four things a Box group admin may do besides managing members, one checkbox each. */
export function BoxPermissionCheckboxes({
  permissions,
  onChange,
}: {
  permissions: BoxConfigurablePermissions;
  onChange: (permissions: BoxConfigurablePermissions) => void;
}) {
  return (
    <fieldset className="permission-list">
      <legend className="visually-hidden">Permissions</legend>
      {BOX_CONFIGURABLE_PERMISSIONS.map((key) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={permissions[key]}
            onChange={(event) => onChange({ ...permissions, [key]: event.target.checked })}
          />{' '}
          {BOX_PERMISSION_LABELS[key]}
        </label>
      ))}
    </fieldset>
  );
}
