import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { boxMeQueryOptions, mayGrantBoxPermissions } from '../../api/box/box-users.ts';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type { BoxConfigurablePermissions } from '../../contract/box/box-group-membership.ts';
import { plural } from '../../contract/plural.ts';
import { BoxPermissionCheckboxes, NO_BOX_PERMISSIONS } from './box-permission-checkboxes.tsx';

/**
 * Asks what the new admins may do before promoting them: Box enables every permission a promotion
 * leaves out, "log in as users" included, so Roster always sends the four as chosen (none unless
 * ticked). A Box account that may not grant them promotes with none, and says so.
 */
export function MakeBoxAdminsDialog({
  count,
  groupName,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  count: number;
  groupName: string;
  pending: boolean;
  error: unknown;
  /** `undefined` when this Box account may not grant permissions. */
  onConfirm: (permissions: BoxConfigurablePermissions | undefined) => void;
  onClose: () => void;
}) {
  const me = useQuery(boxMeQueryOptions());
  const [permissions, setPermissions] = useState(NO_BOX_PERMISSIONS);
  const grants = me.data !== undefined && mayGrantBoxPermissions(me.data);
  const admins = plural(count, 'admin', 'admins');
  return (
    <ModalDialog title={`Make ${admins} in ${groupName}`} onClose={onClose}>
      <p>Admins of {groupName} manage its members.</p>
      {grants ? (
        <>
          <p>They may also:</p>
          <BoxPermissionCheckboxes permissions={permissions} onChange={setPermissions} />
        </>
      ) : (
        me.data && (
          <p className="notice" role="status">
            Only Box enterprise admins and co-admins can let group admins run reports, log in as users, or
            create and edit accounts, so the new admins start with none of these.
          </p>
        )
      )}
      <DialogFooter error={error ?? me.error} onCancel={onClose}>
        <button
          type="button"
          className="button-primary"
          onClick={() => onConfirm(grants ? permissions : undefined)}
          disabled={pending || !me.data}
        >
          {`Make ${admins}`}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
}
