import { fetchAllBoxEntries } from '../../api/box/box-paging.ts';
import type { RowSelection } from '../../components/data-table/row-selection.ts';
import {
  type BoxGroupMembership,
  boxGroupMembershipSchema,
} from '../../contract/box/box-group-membership.ts';

/**
 * The selected memberships' ids: the rows ticked, or for "all N" every membership Box lists (Box
 * pages by offset only, up to 10,000, so the whole selection fits one request to Roster).
 */
export async function selectedMembershipIds(
  selection: RowSelection<string>,
  rows: readonly BoxGroupMembership[],
  groupId: string,
): Promise<string[]> {
  if (selection.mode === 'some') return rows.filter((row) => selection.ids.has(row.id)).map((row) => row.id);
  const all = await fetchAllBoxEntries(`/groups/${groupId}/memberships`, boxGroupMembershipSchema);
  return all.filter((membership) => !selection.except.has(membership.id)).map((membership) => membership.id);
}

/** What a plan of this selection is cached under while its dialog is open. */
export function selectionKey(selection: RowSelection<string>): unknown[] {
  return selection.mode === 'some' ? ['some', [...selection.ids]] : ['all', [...selection.except]];
}
