import { planQueryOptions } from '../../api/roster-operation-actions.ts';
import { plural } from '../../contract/plural.ts';
import type { RemovalInput } from '../../contract/providers/zendesk-operations.ts';
import type { RowSelection } from '../data-table/row-selection.ts';
import { PlanDialog } from '../operations/plan-dialog.tsx';

export type MemberRemovalKind = 'group_memberships.destroy' | 'organization_memberships.destroy';

/** The selection as the server takes it: the ids ticked, or the whole list but the ones unticked. */
export function removalOf(selection: RowSelection<number>, listId: number): RemovalInput {
  if (selection.mode === 'some') return { from: 'ids', ids: [...selection.ids] };
  return {
    from: 'list',
    list_id: listId,
    ...(selection.except.size > 0 && { except: [...selection.except] }),
  };
}

/**
 * "Remove N members?" with the server's review: who exactly, whose default changes, what happens
 * to their tickets; the red button starts what was reviewed.
 */
export function RemoveMembersDialog(props: {
  kind: MemberRemovalKind;
  listId: number;
  selection: RowSelection<number>;
  count: number;
  onStarted: () => void;
  onClose: () => void;
}) {
  return (
    <PlanDialog
      title={`Remove ${plural(props.count, 'member', 'members')}?`}
      planQuery={planQueryOptions({
        kind: props.kind,
        memberships: removalOf(props.selection, props.listId),
      })}
      danger
      startLabel={(plan) => `Remove ${plan.total.toLocaleString()}`}
      onStarted={props.onStarted}
      onClose={props.onClose}
    />
  );
}
