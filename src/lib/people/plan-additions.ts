import { findUsersByEmail, showManyUsers } from '../../api/users.ts';
import type { User } from '../../contract/user.ts';
import type { PastedPeople } from './parse-pasted-people.ts';

/** What "Add …" will do, shown before anything is submitted. */
export type AdditionPlan = {
  toAdd: User[];
  alreadyMembers: User[];
  /** People who exist but cannot join, e.g. end users offered to a group. */
  refused: User[];
  /** Pasted entries that match no user. */
  unknown: string[];
  invalid: string[];
  duplicates: string[];
};

export type PlanAdditionsInput = {
  picked: readonly User[];
  pasted: PastedPeople;
  /** The user ids already in the group or organization. */
  loadMemberIds: () => Promise<ReadonlySet<number>>;
  /** False for someone who cannot join at all. */
  canJoin: (user: User) => boolean;
  onEmailsChecked?: (checked: number) => void;
};

/**
 * Resolves picked users and pasted ids/emails, then sorts them against the current members so the
 * preview says exactly what will happen.
 */
export async function planAdditions(input: PlanAdditionsInput): Promise<AdditionPlan> {
  const { picked, pasted } = input;
  const [byId, byEmail, members] = await Promise.all([
    showManyUsers(pasted.ids),
    findUsersByEmail(pasted.emails, undefined, input.onEmailsChecked),
    input.loadMemberIds(),
  ]);
  const foundIds = new Set(byId.map((user) => user.id));
  const unknown = [
    ...pasted.ids.filter((id) => !foundIds.has(id)).map(String),
    ...pasted.emails.filter((email) => !byEmail.has(email)),
  ];
  const people = new Map<number, User>();
  const duplicates = [...pasted.duplicates];
  for (const user of [...picked, ...byId, ...byEmail.values()]) {
    if (people.has(user.id)) duplicates.push(user.email ?? String(user.id));
    else people.set(user.id, user);
  }
  const plan: AdditionPlan = {
    toAdd: [],
    alreadyMembers: [],
    refused: [],
    unknown,
    invalid: pasted.invalid,
    duplicates,
  };
  for (const user of people.values()) {
    if (!input.canJoin(user)) plan.refused.push(user);
    else if (members.has(user.id)) plan.alreadyMembers.push(user);
    else plan.toAdd.push(user);
  }
  return plan;
}
