import { mutationOptions } from '@tanstack/react-query';
import { type PastedEntry, parsePastedPeople } from '../../contract/pasted-people.ts';
import type { Plan, SkippedEntry } from '../../contract/roster-operations.ts';
import { planOperation } from '../roster-operation-actions.ts';
import { operationKeys } from '../roster-operations.ts';
import { findBoxUserByLogin } from './box-users.ts';

const LOOKUPS_IN_FLIGHT = 5;

export type BoxAdditionsReview = { plan: Plan | undefined; skipped: SkippedEntry[] };

const skippedAs =
  (reason: SkippedEntry['reason'], description: string) =>
  (entry: PastedEntry): SkippedEntry => ({ entry: entry.text, reason, description, line: entry.line });

/**
 * Box takes user ids only, so each pasted login is looked up here first (Box's `filter_term` is a
 * prefix, so the exact login is picked out); the server then reviews the ids.
 */
export async function reviewBoxAdditions(text: string, groupId: string): Promise<BoxAdditionsReview> {
  const pasted = parsePastedPeople(text);
  const ids = new Set(pasted.ids.map((entry) => String(entry.id)));
  const notFound: PastedEntry[] = [];
  const logins = [...pasted.emails];
  await Promise.all(
    Array.from({ length: LOOKUPS_IN_FLIGHT }, async () => {
      for (let login = logins.shift(); login !== undefined; login = logins.shift()) {
        const user = await findBoxUserByLogin(login.email);
        if (user) ids.add(user.id);
        else notFound.push(login);
      }
    }),
  );
  const skipped = [
    ...notFound.map(skippedAs('unknown', 'No Box user has this login.')),
    ...pasted.invalid.map(skippedAs('invalid', 'Not a login or a user id.')),
    ...pasted.tooLong.map(skippedAs('too_long', 'Longer than any login can be.')),
    ...pasted.duplicates.map(skippedAs('duplicate', 'Given more than once; counted once.')),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (ids.size === 0) return { plan: undefined, skipped };
  const plan = await planOperation({
    kind: 'box_group_memberships.create',
    box_user_ids: [...ids],
    box_group_ids: [groupId],
  });
  return { plan, skipped };
}

/** "Review" in the add-to-Box-group dialog: logins looked up, then the server's plan for the ids. */
export const reviewBoxAdditionsMutationOptions = () =>
  mutationOptions({
    mutationKey: [...operationKeys.plans(), 'box-additions'],
    mutationFn: (input: { text: string; groupId: string }) => reviewBoxAdditions(input.text, input.groupId),
  });
