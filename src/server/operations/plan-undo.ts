import type { OperationKind, SkippedEntry } from '../../contract/roster-operations.ts';
import type { ItemRecord, NewItem, OperationRecord, OperationStore } from '../store/operation-store.ts';
import { isChangeKind } from './change-kinds.ts';
import { newItem, OperationInputError, type PlanDraft, planItemOf, skip } from './plan-draft.ts';
import { providerFor } from './providers/operation-providers.ts';

/** The kind that reverses an operation of this kind, as its provider says; none where it cannot be undone. */
const reverseKindOf = (kind: OperationKind): OperationKind | undefined => providerFor(kind).reverse[kind];

export function canUndo(operation: OperationRecord): boolean {
  return (
    reverseKindOf(operation.kind) !== undefined &&
    operation.finishedAt !== null &&
    operation.undoneBy === null &&
    operation.counts.succeeded > 0
  );
}

/** A mixed change's item reversed by its own action: an add removed, a removal added back, a default or role put back. */
function reverseOfChange(item: ItemRecord): NewItem | string {
  const fields = { user: item.user, target: item.target };
  switch (item.action) {
    case 'add':
      if (item.resultId === null) return 'the upstream did not name the membership it created';
      return newItem({ ...fields, action: 'remove', membershipId: item.resultId, role: item.role });
    case 'remove':
      if (item.status !== 'Deleted') return 'it was already gone, so this operation did not remove it';
      return newItem({
        ...fields,
        action: 'add',
        restoreDefault: item.wasDefault === true,
        viewTickets: item.viewTickets,
        role: item.role,
      });
    case 'make_default':
      if (item.previousDefaultId === null) return 'they had no default before';
      return newItem({
        ...fields,
        action: 'make_default',
        membershipId: item.previousDefaultId,
        previousDefaultId: item.membershipId,
      });
    case 'set_role':
      return newItem({
        ...fields,
        action: 'set_role',
        membershipId: item.membershipId,
        role: item.role === 'admin' ? 'member' : 'admin',
      });
    default:
      return 'this kind of change cannot be undone';
  }
}

/** An item the operation really changed (not one that was already so), and how to reverse it. */
function reverseOf(operation: OperationRecord, item: ItemRecord): NewItem | string {
  const created = item.status === 'Created' || item.status === 'AlreadyMember';
  if (isChangeKind(operation.kind)) return reverseOfChange(item);
  switch (operation.kind) {
    case 'group_memberships.create':
    case 'organization_memberships.create':
    case 'box_group_memberships.create':
      if (!created) return 'it was not added by this operation';
      if (item.resultId === null) return 'the upstream did not name the membership it created';
      return newItem({ user: item.user, target: item.target, membershipId: item.resultId, role: item.role });
    case 'group_memberships.destroy':
    case 'organization_memberships.destroy':
    case 'box_group_memberships.destroy':
      if (item.status !== 'Deleted') return 'it was already gone, so this operation did not remove it';
      return newItem({
        user: item.user,
        target: item.target,
        restoreDefault: item.wasDefault === true,
        viewTickets: item.viewTickets,
        role: item.role,
      });
    case 'box_group_memberships.update':
      return newItem({
        user: item.user,
        target: item.target,
        membershipId: item.membershipId,
        role: item.role,
      });
    default:
      return 'this kind of change cannot be undone';
  }
}

/** The reverse of a finished operation, for review: re-add what it removed (default flags too), remove what it added. */
export async function planUndo(store: OperationStore, operation: OperationRecord): Promise<PlanDraft> {
  const kind = reverseKindOf(operation.kind);
  if (!kind) throw new OperationInputError(422, 'NotUndoable', `"${operation.label}" cannot be undone`);
  if (operation.finishedAt === null) {
    throw new OperationInputError(
      409,
      'OperationRunning',
      'Wait for the operation to finish (or cancel it) before undoing it',
    );
  }
  if (operation.undoneBy !== null) {
    throw new OperationInputError(
      409,
      'AlreadyUndone',
      `This operation was already undone by ${operation.undoneBy}`,
    );
  }
  const items: NewItem[] = [];
  const skipped: SkippedEntry[] = [];
  let after = -1;
  for (;;) {
    const page = await store.items(operation.id, { state: 'succeeded', afterIndex: after, limit: 1000 });
    for (const item of page) {
      const reverse = reverseOf(operation, item);
      if (typeof reverse === 'string')
        skipped.push(
          skip(`${item.user.name} – ${item.target.name}`, 'not_member', `Left as it is: ${reverse}`),
        );
      else items.push(reverse);
    }
    if (page.length < 1000) break;
    after = page[page.length - 1]?.index ?? after;
  }
  if (items.length === 0)
    throw new OperationInputError(
      422,
      'NothingToUndo',
      'This operation changed nothing that can be reversed',
    );
  const role = operation.params.role === 'admin' ? 'member' : 'admin';
  const warnings = providerFor(operation.kind).undoWarnings(operation, items);
  return {
    operation: {
      kind,
      source: 'bulk',
      label: `Undo: ${operation.label}`,
      targets: operation.targets,
      params: kind === 'box_group_memberships.update' ? { role } : {},
      items,
      expanding: false,
      undoOf: operation.id,
    },
    total: items.length,
    items: items.map(planItemOf),
    skipped,
    warnings,
  };
}
