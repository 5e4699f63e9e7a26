import { z } from 'zod/mini';

/**
 * `GET /roster/group-member-counts`: how many members each of the account's groups has, computed
 * on the Roster server from the upstream's memberships and cached briefly.
 */
export const groupMemberCountsSchema = z.object({
  /** Group id (as a string: JSON keys) → members; every listed group has an entry, 0 included. */
  counts: z.record(z.string(), z.int().check(z.nonnegative())),
  /** When the upstream was read (ISO 8601). */
  refreshed_at: z.string(),
});
export type GroupMemberCounts = z.infer<typeof groupMemberCountsSchema>;
