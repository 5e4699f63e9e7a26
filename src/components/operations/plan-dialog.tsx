import { useQuery } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import type { PlanQueryOptions } from '../../api/roster-operation-actions.ts';
import type { Plan } from '../../contract/roster-operations.ts';
import { ErrorState } from '../list-states.tsx';
import { ModalDialog } from '../modal-dialog.tsx';
import { PlanStep } from './plan-step.tsx';

type StepProps = ComponentProps<typeof PlanStep>;

/**
 * A dialog that asks the server for the review as it opens (a removal, a role change) and shows
 * it before the button that starts it.
 */
export function PlanDialog({
  title,
  planQuery,
  startLabel,
  danger = false,
  review,
  onClose,
  onStarted,
}: {
  title: string;
  planQuery: PlanQueryOptions;
  startLabel: (plan: Plan) => string;
  /** Removals get the red button. */
  danger?: boolean | ((plan: Plan) => boolean);
  onClose: () => void;
  /** After the operation starts; the dialog closes itself. */
  onStarted?: StepProps['onStarted'];
  /** How to present the review, when it depends on the plan. */
  review?: StepProps['review'] | ((plan: Plan) => StepProps['review']);
}) {
  const plan = useQuery(planQuery);
  return (
    <ModalDialog title={title} onClose={onClose} wide>
      {plan.isPending ? (
        <p role="status" className="plan-pending">
          Checking who is affected…
        </p>
      ) : plan.isError ? (
        <ErrorState what="the review" error={plan.error} onRetry={() => plan.refetch()} />
      ) : (
        <PlanStep
          key={plan.data.id}
          review={typeof review === 'function' ? review(plan.data) : review}
          plan={plan.data}
          onStarted={(operation) => {
            onStarted?.(operation);
            onClose();
          }}
          startLabel={startLabel(plan.data)}
          danger={typeof danger === 'function' ? danger(plan.data) : danger}
          onCancel={onClose}
          onReviewAgain={() => plan.refetch()}
        />
      )}
      {!plan.isSuccess && (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
