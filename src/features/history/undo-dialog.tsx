import { operationProviderOf } from '../../api/providers/operation-providers.ts';
import { undoPlanQueryOptions } from '../../api/roster-operation-actions.ts';
import { PlanDialog } from '../../components/operations/plan-dialog.tsx';
import { planVerb } from '../../components/operations/plan-review.tsx';
import type { Operation, Plan } from '../../contract/roster-operations.ts';

/**
 * The reverse of a finished operation, reviewed first: removed memberships come back with their
 * default flag, added ones go. Starting it is a new operation, which History links to this one.
 */
export function UndoDialog({
  operation,
  onStarted,
  onClose,
}: {
  operation: Operation;
  onStarted: (reverse: Operation) => void;
  onClose: () => void;
}) {
  // Undoing a removal, the server's review says what stays as it is; undoing an add removes
  // memberships, which (in Zendesk) reassigns tickets afresh, and that review says nothing of it.
  const { removalNotes } = operationProviderOf(operation.kind);
  const ticketNote = (plan: Plan) =>
    removalNotes.length > 0 && planVerb(plan) === 'remove' ? { notes: [...removalNotes] } : undefined;
  return (
    <PlanDialog
      title={`Undo “${operation.label}”?`}
      planQuery={undoPlanQueryOptions(operation.id)}
      review={ticketNote}
      danger={(plan) => planVerb(plan) === 'remove'}
      startLabel={(plan) => `Undo: ${planVerb(plan)} ${plan.total.toLocaleString()}`}
      onStarted={onStarted}
      onClose={onClose}
    />
  );
}
