import type { BulkKind, OperationKind } from '../../contract/roster-operations.ts';
import type { ItemAction } from '../store/operation-store.ts';

export type ChangeKind =
  | 'group_memberships.change'
  | 'organization_memberships.change'
  | 'box_group_memberships.change';

export function isChangeKind(kind: OperationKind): kind is ChangeKind {
  return kind.endsWith('.change');
}

const SENT_AS: Record<ChangeKind, Partial<Record<ItemAction, BulkKind>>> = {
  'group_memberships.change': { add: 'group_memberships.create', remove: 'group_memberships.destroy' },
  'organization_memberships.change': {
    add: 'organization_memberships.create',
    remove: 'organization_memberships.destroy',
  },
  'box_group_memberships.change': {
    add: 'box_group_memberships.create',
    remove: 'box_group_memberships.destroy',
    set_role: 'box_group_memberships.update',
  },
};

/**
 * The kind an item is sent as: a mixed-change operation's add goes out as its provider's create,
 * its removal as destroy, a Box role change as update; every other operation's items as the
 * operation's own kind. A default change is not a bulk kind: it is sent as make_default.
 */
export function sentAs(kind: OperationKind, action: ItemAction | null): OperationKind | 'make_default' {
  if (action === 'make_default') return 'make_default';
  if (!isChangeKind(kind)) return kind;
  const sent = action === null ? undefined : SENT_AS[kind][action];
  if (!sent) throw new Error(`${kind} has no way to send ${action ?? 'an item without an action'}`);
  return sent;
}
