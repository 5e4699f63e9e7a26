import { fetchAllGroupMemberships } from '../../api/group-memberships.ts';
import { findUsersByEmail, showManyUsers } from '../../api/users.ts';
import { isAgentRole, type User } from '../../contract/user.ts';
import type { PastedPeople } from './parse-pasted-people.ts';

/** What "Add agents" will do, shown before anything is submitted. */
export type AgentAdditionPlan = {
  toAdd: User[];
  alreadyMembers: User[];
  notAgents: User[];
  /** Pasted entries that match no user. */
  unknown: string[];
  invalid: string[];
  duplicates: string[];
};

/**
 * Resolves picked users and pasted ids/emails, then sorts them against the group's current members
 * (read page by page, 100 at a time) so the preview says exactly what will happen.
 */
export async function planAgentAdditions(
  groupId: number,
  picked: readonly User[],
  pasted: PastedPeople,
  onEmailsChecked?: (checked: number) => void,
): Promise<AgentAdditionPlan> {
  const [byId, byEmail, memberships] = await Promise.all([
    showManyUsers(pasted.ids),
    findUsersByEmail(pasted.emails, undefined, onEmailsChecked),
    fetchAllGroupMemberships(groupId),
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
  const members = new Set(memberships.map((membership) => membership.user_id));
  const plan: AgentAdditionPlan = {
    toAdd: [],
    alreadyMembers: [],
    notAgents: [],
    unknown,
    invalid: pasted.invalid,
    duplicates,
  };
  for (const user of people.values()) {
    if (!isAgentRole(user.role)) plan.notAgents.push(user);
    else if (members.has(user.id)) plan.alreadyMembers.push(user);
    else plan.toAdd.push(user);
  }
  return plan;
}
