import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { fetchAllGroupMemberships, groupMembershipKeys } from '../../api/group-memberships.ts';
import { groupKeys } from '../../api/groups.ts';
import { showManyUsers } from '../../api/users.ts';
import { type RowSelection, selectedCount } from '../../components/data-table/row-selection.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type { Group } from '../../contract/group.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import type { GroupMemberRow } from './group-member-row.ts';
import { groupScope } from './group-scope.ts';

type Props = {
  group: Group;
  selection: RowSelection<number>;
  total: number;
  loadedRows: GroupMemberRow[];
  onClose: () => void;
  onStarted: () => void;
};

/**
 * Confirms a removal, then hands it to the bulk engine. For "all N" the ids of rows not loaded
 * yet are fetched here, when the action runs, and their names resolved in batches for the results.
 */
export function RemoveMembersDialog({ group, selection, total, loadedRows, onClose, onStarted }: Props) {
  const engine = useBulkEngine();
  /** What the person has agreed to remove; "all N" is re-counted when the ids are fetched. */
  const [count, setCount] = useState(() => selectedCount(selection, total));
  const remove = useMutation({
    mutationFn: async () => {
      const names = new Map(loadedRows.map((row) => [row.membership.user_id, row.user?.name]));
      let targets: { id: number; userId: number }[];
      if (selection.mode === 'some') {
        const byId = new Map(loadedRows.map((row) => [row.membership.id, row.membership.user_id]));
        targets = [...selection.ids].map((id) => ({ id, userId: byId.get(id) ?? 0 }));
      } else {
        const all = await fetchAllGroupMemberships(group.id);
        targets = all
          .filter((m) => !selection.except.has(m.id))
          .map((m) => ({ id: m.id, userId: m.user_id }));
        if (targets.length !== count) {
          setCount(targets.length);
          throw new Error(
            `The group changed since the count was taken: ${targets.length.toLocaleString()} members match now. Press Remove again to remove them.`,
          );
        }
      }
      const unnamed = [...new Set(targets.map((t) => t.userId).filter((id) => id && !names.has(id)))];
      for (const user of await showManyUsers(unnamed)) names.set(user.id, user.name);
      return engine.start({
        kind: 'group_memberships.destroy',
        label: `Remove ${targets.length.toLocaleString()} member${targets.length === 1 ? '' : 's'} from ${group.name}`,
        items: targets.map((target) => ({
          label: `${names.get(target.userId) ?? `User ${target.userId}`} from ${group.name}`,
          payload: { membership_id: target.id },
        })),
        invalidates: [groupMembershipKeys.lists(), groupKeys.memberCount(group.id)],
        scope: groupScope(group.id),
      });
    },
    onSuccess: () => {
      onStarted();
      onClose();
    },
  });

  return (
    <ModalDialog
      title={`Remove ${count.toLocaleString()} member${count === 1 ? '' : 's'}?`}
      onClose={onClose}
    >
      <p>
        {count.toLocaleString()} member{count === 1 ? '' : 's'} will be removed from{' '}
        <strong>{group.name}</strong>.
      </p>
      <p className="warning" role="note">
        <span aria-hidden="true">⚠</span> Zendesk unassigns their open tickets in {group.name}; those tickets
        will need a new assignee. Where {group.name} is someone's default group, another of their groups
        becomes the default.
      </p>
      {remove.isError && (
        <p className="form-error" role="alert">
          {describeError(remove.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button-danger"
          onClick={() => remove.mutate()}
          disabled={remove.isPending || count === 0}
        >
          {remove.isPending ? 'Preparing…' : `Remove ${count.toLocaleString()}`}
        </button>
      </div>
    </ModalDialog>
  );
}
