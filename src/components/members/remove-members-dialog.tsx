import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { showManyUsers } from '../../api/users.ts';
import { type RowSelection, selectedCount } from '../data-table/row-selection.ts';
import { ConfirmRemovalDialog } from './confirm-removal-dialog.tsx';

/** A membership as the removal needs it: its id and whose it is. */
export type RemovableMembership = { id: number; user_id: number };

export type RemoveMembersDialogProps = {
  /** The group's or organization's name. */
  from: string;
  selection: RowSelection<number>;
  total: number;
  /** Loaded rows, to name people without asking again. */
  loaded: readonly { membership: RemovableMembership; name: string | undefined }[];
  /** Every membership of the group or organization, for "all N". */
  fetchAll: () => Promise<RemovableMembership[]>;
  warning: ReactNode;
  /** Starts the removal with one labelled item per membership. */
  onRemove: (targets: { membershipId: number; label: string }[]) => void;
  onClose: () => void;
};

/**
 * Confirms a removal, then hands it over. For "all N" the ids of rows not loaded yet are fetched
 * when the action runs, re-counted against what the person agreed to, and named in batches.
 */
export function RemoveMembersDialog(props: RemoveMembersDialogProps) {
  const { selection, from, onClose } = props;
  const [count, setCount] = useState(() => selectedCount(selection, props.total));
  const remove = useMutation({
    mutationFn: async () => {
      const names = new Map(props.loaded.map((row) => [row.membership.user_id, row.name]));
      let targets: RemovableMembership[];
      if (selection.mode === 'some') {
        const byId = new Map(props.loaded.map((row) => [row.membership.id, row.membership]));
        targets = [...selection.ids].map((id) => byId.get(id) ?? { id, user_id: 0 });
      } else {
        targets = (await props.fetchAll()).filter((membership) => !selection.except.has(membership.id));
        if (targets.length !== count) {
          setCount(targets.length);
          throw new Error(
            `The list changed since the count was taken: ${targets.length.toLocaleString()} members match now. Press Remove again to remove them.`,
          );
        }
      }
      const unnamed = [...new Set(targets.map((t) => t.user_id).filter((id) => id && !names.has(id)))];
      for (const user of await showManyUsers(unnamed)) names.set(user.id, user.name);
      props.onRemove(
        targets.map((target) => ({
          membershipId: target.id,
          label: `${names.get(target.user_id) ?? `User ${target.user_id}`} from ${from}`,
        })),
      );
    },
    onSuccess: onClose,
  });

  return (
    <ConfirmRemovalDialog
      count={count}
      from={from}
      warning={props.warning}
      error={remove.error}
      pending={remove.isPending}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  );
}
