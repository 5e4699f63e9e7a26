import { useMutation } from '@tanstack/react-query';
import { boxMembershipKeys } from '../../api/box/box-memberships.ts';
import { ConfirmRemovalDialog } from '../../components/members/confirm-removal-dialog.tsx';
import type { BoxGroup } from '../../contract/box/box-group.ts';
import type { BoxGroupMembership } from '../../contract/box/box-group-membership.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { boxGroupScope } from './box-scope.ts';

/** Confirms a removal from a Box group, then runs it as one bulk operation of single deletes. */
export function RemoveBoxMembersDialog(props: {
  group: BoxGroup;
  count: number;
  resolve: () => Promise<BoxGroupMembership[]>;
  onStarted: () => void;
  onClose: () => void;
}) {
  const { group, count, onClose } = props;
  const engine = useBulkEngine();
  const remove = useMutation({
    mutationFn: async () => {
      const targets = await props.resolve();
      engine.start({
        kind: 'box_group_memberships.destroy',
        label: `Remove ${targets.length.toLocaleString()} member${targets.length === 1 ? '' : 's'} from ${group.name}`,
        items: targets.map((m) => ({
          label: `${m.user.name} (${m.user.login}) from ${group.name}`,
          payload: { box_membership_id: m.id },
        })),
        invalidates: [boxMembershipKeys.all],
        scope: boxGroupScope(group.id),
      });
      props.onStarted();
    },
    onSuccess: onClose,
  });
  return (
    <ConfirmRemovalDialog
      count={count}
      from={group.name}
      warning="They lose access to every folder shared with the group."
      error={remove.error}
      pending={remove.isPending}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  );
}
