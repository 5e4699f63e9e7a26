import { undoPlanQueryOptions } from '../../api/roster-operation-actions.ts';
import { PlanDialog } from '../../components/operations/plan-dialog.tsx';
import { planVerb } from '../../components/operations/plan-review.tsx';
import type { Operation, Plan } from '../../contract/roster-operations.ts';

const TICKETS_MOVE =
  'Removing these memberships makes Zendesk unassign their open tickets there, as any removal does.';

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
  const zendesk = !operation.kind.startsWith('box_');
  // Undoing a removal, the server's review says which ticket reassignments stay; undoing an add
  // removes memberships, which reassigns tickets afresh, and that review says nothing of it.
  const ticketNote = (plan: Plan) =>
    zendesk && planVerb(plan) === 'remove' ? { notes: [TICKETS_MOVE] } : undefined;
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
