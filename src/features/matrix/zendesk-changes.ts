import { ROLE_WORDS } from '../../components/role-words.ts';
import type { MembershipChange } from '../../contract/providers/zendesk-operations.ts';
import type { User } from '../../contract/user.ts';
import { paths } from '../../lib/paths.ts';
import type { MatrixPerson } from './matrix-model.ts';
import type { PendingCell } from './pending-changes.ts';

/**
 * A Zendesk grid's pending cells as the changes of a `.change` request: the add or removal first,
 * then the default, so an add and make_default of one place add it and then make it the default.
 */
export function zendeskChanges(cells: readonly PendingCell[]): MembershipChange[] {
  return cells.flatMap((cell) => {
    const at = { user_id: Number(cell.rowId), target_id: Number(cell.columnId) };
    return [
      ...(cell.membership ? [{ action: cell.membership, ...at }] : []),
      ...(cell.makeDefault ? [{ action: 'make_default' as const, ...at }] : []),
    ];
  });
}

/** A Zendesk person as a row of the grid: name, role and email, linked to their page. */
export function zendeskPerson(person: Pick<User, 'id' | 'name' | 'role' | 'email'>): MatrixPerson {
  return {
    id: String(person.id),
    name: person.name,
    detail: `${ROLE_WORDS[person.role]} · ${person.email ?? 'no email'}`,
    href: paths.user.href(person.id),
  };
}
