import type { Permission } from '../../api/membership-permissions.ts';
import type { UserRole } from '../../contract/user.ts';
import type { MembershipIndex } from './matrix-model.ts';
import type { Judge } from './pending-changes.ts';

export type GroupRulePerson = { id: string; name: string; role: UserRole; defaultGroupId: string | null };

/**
 * What Zendesk refuses, said in the cell before anything is sent: a change the signed-in role may
 * not make, an end user in a group, and the removal of an agent's last group. `readGroups` are the
 * groups whose memberships the grid read; a default group outside them is one more group the
 * person keeps.
 */
export function groupCellJudge(options: {
  permission: Permission;
  viewerName: string | undefined;
  viewerRole: UserRole | undefined;
  people: ReadonlyMap<string, GroupRulePerson>;
  memberships: MembershipIndex;
  readGroups: ReadonlySet<string> | 'all';
}): Judge {
  const { permission, people, memberships, readGroups } = options;
  return (pending, cell, change) => {
    if (!permission.allowed) {
      const who =
        options.viewerName && options.viewerRole
          ? `${options.viewerName} is ${options.viewerRole === 'admin' ? 'an admin' : `an ${options.viewerRole}`}: `
          : '';
      return `${who}${permission.reason}`;
    }
    const person = people.get(cell.rowId);
    if (!person) return undefined;
    if (person.role === 'end-user' && (change.membership === 'add' || change.makeDefault)) {
      return `${person.name} is an end user: only agents and admins can be in groups.`;
    }
    if (change.membership !== 'remove') return undefined;
    const keepsUnreadGroup =
      readGroups !== 'all' && person.defaultGroupId !== null && !readGroups.has(person.defaultGroupId);
    if (keepsUnreadGroup) return undefined;
    let groups = memberships.get(person.id)?.size ?? 0;
    for (const other of pending.values()) {
      if (other.rowId !== person.id || other.refusal) continue;
      if (other.membership === 'add') groups++;
      if (other.membership === 'remove') groups--;
    }
    if (groups - 1 <= 0) {
      return `${person.name} would be in no group: Zendesk requires agents to keep one.`;
    }
    return undefined;
  };
}
