import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { updateBoxPermissionsMutationOptions } from '../../api/box/box-memberships.ts';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type {
  BoxConfigurablePermissions,
  BoxGroupMembership,
} from '../../contract/box/box-group-membership.ts';
import { BoxPermissionCheckboxes, NO_BOX_PERMISSIONS } from './box-permission-checkboxes.tsx';

/** The four things a group admin may do besides managing members, saved with one `PUT`. */
export function EditBoxPermissionsDialog({
  membership,
  onClose,
}: {
  membership: BoxGroupMembership;
  onClose: () => void;
}) {
  const [permissions, setPermissions] = useState<BoxConfigurablePermissions>(
    membership.configurable_permissions ?? NO_BOX_PERMISSIONS,
  );
  const save = useMutation(updateBoxPermissionsMutationOptions());
  return (
    <ModalDialog title={`${membership.user.name}'s admin permissions`} onClose={onClose}>
      <p>
        As an admin of <strong>{membership.group.name}</strong>, {membership.user.name} manages its members
        and may also:
      </p>
      <BoxPermissionCheckboxes permissions={permissions} onChange={setPermissions} />
      <DialogFooter error={save.error} onCancel={onClose}>
        <button
          type="button"
          className="button-primary"
          onClick={() => save.mutate({ id: membership.id, permissions }, { onSuccess: onClose })}
          disabled={save.isPending}
        >
          {save.isPending ? 'Saving…' : 'Save permissions'}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
}
