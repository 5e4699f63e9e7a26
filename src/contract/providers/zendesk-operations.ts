import { z } from 'zod/mini';
import { changeList, idList, MAX_PASTED_ENTRIES, MAX_PASTED_ENTRY_LENGTH } from '../operation-limits.ts';

/** Zendesk's side of Roster's operations API: its kinds and the bodies that ask for them. */

export const ZENDESK_OPERATION_KINDS = [
  'group_memberships.create',
  'group_memberships.destroy',
  'group_memberships.make_default',
  'organization_memberships.create',
  'organization_memberships.destroy',
  'organization_memberships.make_default',
  /** Mixed changes (an import, the grid): each item adds, removes or makes one membership the default. */
  'group_memberships.change',
  'organization_memberships.change',
] as const;

/** make_default is recorded, never queued. */
export const ZENDESK_BULK_KINDS = [
  'group_memberships.create',
  'group_memberships.destroy',
  'organization_memberships.create',
  'organization_memberships.destroy',
  'group_memberships.change',
  'organization_memberships.change',
] as const satisfies readonly (typeof ZENDESK_OPERATION_KINDS)[number][];

export const ZENDESK_TARGET_TYPES = ['group', 'organization'] as const;

const zendeskId = z.int().check(z.positive());

/** People to add: picked users by id, and/or pasted text (emails or ids, one per line or comma-separated). */
export const peopleInputSchema = z.object({
  user_ids: z.optional(idList(zendeskId, MAX_PASTED_ENTRIES)),
  pasted: z.optional(z.string().check(z.maxLength(MAX_PASTED_ENTRIES * (MAX_PASTED_ENTRY_LENGTH + 2)))),
});
export type PeopleInput = z.infer<typeof peopleInputSchema>;

/**
 * Which memberships a removal takes: these membership ids; every member of one list but the ids
 * unticked ("select all N"), expanded by the server as it walks the list; or these people out of
 * these groups or organizations (the Users page).
 */
export const removalInputSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('ids'), ids: idList(zendeskId, 10_000).check(z.minLength(1)) }),
  z.object({
    from: z.literal('list'),
    /** The group or organization whose members are removed. */
    list_id: zendeskId,
    except: z.optional(idList(zendeskId, 10_000)),
  }),
  z.object({
    from: z.literal('pairs'),
    user_ids: idList(zendeskId, MAX_PASTED_ENTRIES).check(z.minLength(1)),
    target_ids: idList(zendeskId, 100).check(z.minLength(1)),
  }),
]);
export type RemovalInput = z.infer<typeof removalInputSchema>;

/**
 * One change a person asks for in a mixed-change request: by person and place, never by
 * membership id; the server reads today's memberships to know what each change means.
 */
export const membershipChangeSchema = z.object({
  action: z.enum(['add', 'remove', 'make_default']),
  user_id: zendeskId,
  target_id: zendeskId,
});
export type MembershipChange = z.infer<typeof membershipChangeSchema>;

/** The Zendesk requests `POST /roster/operations/plan` reviews and `POST /roster/operations` starts. */
export const zendeskOperationRequestSchemas = [
  z.object({
    kind: z.literal('group_memberships.create'),
    people: peopleInputSchema,
    group_ids: idList(zendeskId, 100).check(z.minLength(1)),
  }),
  z.object({
    kind: z.literal('organization_memberships.create'),
    people: peopleInputSchema,
    organization_ids: idList(zendeskId, 100).check(z.minLength(1)),
  }),
  z.object({ kind: z.literal('group_memberships.destroy'), memberships: removalInputSchema }),
  z.object({ kind: z.literal('organization_memberships.destroy'), memberships: removalInputSchema }),
  z.object({ kind: z.literal('group_memberships.change'), changes: changeList(membershipChangeSchema) }),
  z.object({
    kind: z.literal('organization_memberships.change'),
    changes: changeList(membershipChangeSchema),
  }),
] as const;
