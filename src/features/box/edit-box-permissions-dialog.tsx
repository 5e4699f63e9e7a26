import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { boxMembershipKeys, updateBoxMembership } from '../../api/box/box-memberships.ts';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import {
  BOX_CONFIGURABLE_PERMISSIONS,
  type BoxConfigurablePermissions,
  type BoxGroupMembership,
} from '../../contract/box/box-group-membership.ts';
import { BOX_PERMISSION_LABELS } from './box-labels.ts';

/** The four things a group admin may do besides managing members, saved with one `PUT`. */
export function EditBoxPermissionsDialog({
  membership,
  onClose,
}: {
  membership: BoxGroupMembership;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [permissions, setPermissions] = useState<BoxConfigurablePermissions>(
    membership.configurable_permissions ?? {
      can_run_reports: false,
      can_instant_login: false,
      can_create_accounts: false,
      can_edit_accounts: false,
    },
  );
  const save = useMutation({
    mutationFn: () => updateBoxMembership(membership.id, { configurable_permissions: permissions }),
    onSuccess: (updated) => {
      queryClient.setQueryData(boxMembershipKeys.detail(updated.id), updated);
      onClose();
    },
  });
  return (
    <ModalDialog title={`${membership.user.name}'s admin permissions`} onClose={onClose}>
      <p>
        As an admin of <strong>{membership.group.name}</strong>, {membership.user.name} manages its members
        and may also:
      </p>
      <fieldset className="permission-list">
        <legend className="visually-hidden">Permissions</legend>
        {BOX_CONFIGURABLE_PERMISSIONS.map((key) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={permissions[key]}
              onChange={(event) => setPermissions({ ...permissions, [key]: event.target.checked })}
            />{' '}
            {BOX_PERMISSION_LABELS[key]}
          </label>
        ))}
      </fieldset>
      <DialogFooter error={save.error} onCancel={onClose}>
        <button
          type="button"
          className="button-primary"
          onClick={() => save.mutate()}
          disabled={save.isPending}
        >
          {save.isPending ? 'Saving…' : 'Save permissions'}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
}
