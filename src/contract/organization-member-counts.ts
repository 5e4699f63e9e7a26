import type { z } from 'zod/mini';
import { groupMemberCountsSchema } from './group-member-counts.ts';

/** At most this many organizations per `GET /roster/organization-member-counts?ids=…`: a list page's worth. */
export const ORGANIZATION_COUNT_BATCH = 100;

/**
 * `GET /roster/organization-member-counts?ids=1,2,3`: how many members each of these
 * organizations has (organization id as a string → members), in the shape the groups' counts use.
 * An organization can hold 200,000 people, so the server asks the upstream's count endpoint once
 * per organization asked about, never for the whole account.
 */
export const organizationMemberCountsSchema = groupMemberCountsSchema;
export type OrganizationMemberCounts = z.infer<typeof organizationMemberCountsSchema>;
