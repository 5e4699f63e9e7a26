import { undoPlanQueryOptions } from '../../api/roster-operation-actions.ts';
import { PlanDialog } from '../../components/operations/plan-dialog.tsx';
import { planVerb } from '../../components/operations/plan-review.tsx';
import type { Operation } from '../../contract/roster-operations.ts';

const TICKETS_STAY =
  'Ticket reassignments Zendesk already made are not undone: tickets that lost an assignee or an organization keep their new state.';

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
  return (
    <PlanDialog
      title={`Undo “${operation.label}”?`}
      planQuery={undoPlanQueryOptions(operation.id)}
      review={zendesk ? { notes: [TICKETS_STAY] } : undefined}
      danger={(plan) => planVerb(plan) === 'remove'}
      startLabel={(plan) => `Undo: ${planVerb(plan)} ${plan.total.toLocaleString()}`}
      onStarted={onStarted}
      onClose={onClose}
    />
  );
}
