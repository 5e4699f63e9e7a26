import type { ChangeAction } from '../../contract/roster-operations.ts';

const WORDS: Record<ChangeAction, string> = {
  add: 'Add',
  remove: 'Remove',
  make_default: 'Make default',
  set_role: 'Change role',
};

/** What one item of a mixed change does, in a word or two; a role change names the new role when it is known. */
export function changeActionWord(action: ChangeAction, role?: string): string {
  if (action === 'set_role' && role) return role === 'admin' ? 'Make admin' : 'Make member';
  return WORDS[action];
}

/** The tone each action reads in: a removal is the one to look at twice. */
export const CHANGE_ACTION_BADGE: Record<ChangeAction, string> = {
  add: 'badge badge-add',
  remove: 'badge badge-warn',
  make_default: 'badge',
  set_role: 'badge',
};
