import type { ReactNode } from 'react';
import type { OperationListFilters } from '../../api/roster-operations.ts';
import { BulkActionBar } from '../bulk-action-bar.tsx';
import type { RowSelection } from '../data-table/row-selection.ts';
import { type ListQuery, ListStates } from '../list-states.tsx';
import { ScopedOperations } from '../operations/scoped-operations.tsx';

/**
 * The frame of any provider's member list below its header: the list's bulk operations, the hint
 * or the selection bar with "Select all N members" and the actions passed in, then the table with
 * its loading, error and empty states. Zendesk's groups and organizations and Box's groups share it.
 */
export function MemberListSection<Id>(props: {
  /** Whose bulk operations show here. */
  scope: Pick<OperationListFilters, 'group_id' | 'organization_id' | 'box_group_id'>;
  selection: RowSelection<Id>;
  /** How many are selected, and how many the whole list holds. */
  selected: number;
  count: number;
  onSelectAll: () => void;
  onClearSelection: () => void;
  /** What to do with a selection, said while nothing is selected. */
  hint: ReactNode;
  /** The selection bar's buttons. */
  actions: ReactNode;
  members: ListQuery;
  isEmpty: boolean;
  empty: ReactNode;
  /** The member table. */
  children: ReactNode;
}) {
  const { selection, selected, count } = props;
  return (
    <>
      <ScopedOperations scope={props.scope} />

      {selected === 0 ? (
        <p className="bulk-hint">{props.hint}</p>
      ) : (
        <BulkActionBar
          count={selected}
          noun={{ one: 'member', other: 'members' }}
          onClear={props.onClearSelection}
        >
          {selection.mode === 'some' && count > selection.ids.size && (
            <button type="button" onClick={props.onSelectAll}>
              Select all {count.toLocaleString()} members
            </button>
          )}
          {props.actions}
        </BulkActionBar>
      )}

      <ListStates query={props.members} what="the members" isEmpty={props.isEmpty} empty={props.empty}>
        {props.children}
      </ListStates>
    </>
  );
}
