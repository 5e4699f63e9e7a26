import { PAGE_SIZE } from '../../api/cursor-pagination.ts';

/**
 * How the grid reads the memberships of its columns: the account's whole membership list, walked
 * from both ends at once, or each chosen group's own list, several groups at a time. Whichever
 * takes fewer requests, counted from the groups' member counts; a tie goes to the per-group
 * lists, which run in parallel.
 */
export type MembershipReadPlan =
  | { kind: 'account'; requests: number }
  | { kind: 'groups'; requests: number; groupIds: number[] };

const pagesOf = (members: number) => Math.max(1, Math.ceil(members / PAGE_SIZE));

export function planMembershipReads(options: {
  /** The chosen columns. */
  groupIds: readonly number[];
  /** Every group of the account is a column: the account's list holds nothing else. */
  allGroups: boolean;
  /** Members per group, for every group of the account; undefined while unknown. */
  counts: Readonly<Record<string, number>> | undefined;
}): MembershipReadPlan | undefined {
  const { groupIds, allGroups, counts } = options;
  if (groupIds.length === 0) return undefined;
  if (!counts) {
    // Without counts only one choice is sure: with every group shown the account's list is never longer.
    return allGroups ? { kind: 'account', requests: Number.NaN } : undefined;
  }
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  // Walking from both ends reads the page where the two walks meet twice.
  const account = pagesOf(total) + (total > PAGE_SIZE ? 1 : 0);
  const perGroup = groupIds.reduce((sum, id) => sum + pagesOf(counts[String(id)] ?? 0), 0);
  if (perGroup <= account) return { kind: 'groups', requests: perGroup, groupIds: [...groupIds] };
  return { kind: 'account', requests: account };
}
