import type { ComponentProps } from 'react';
import { describeError } from '../../api/api-error.ts';
import type { Operation, Plan } from '../../contract/roster-operations.ts';
import { PlanReview } from './plan-review.tsx';
import { useStartOperation } from './use-operation-actions.ts';

type ReviewProps = Omit<ComponentProps<typeof PlanReview>, 'plan'>;

/**
 * A reviewed plan and the button that starts exactly it. If starting fails (the plan expired, the
 * server refused), the reason shows with a way to review again.
 */
export function PlanStep({
  plan,
  review,
  startLabel,
  danger = false,
  onBack,
  onCancel,
  onReviewAgain,
  onStarted,
}: {
  plan: Plan;
  review?: ReviewProps;
  startLabel: string;
  /** Removals get the red button. */
  danger?: boolean;
  onBack?: () => void;
  onCancel: () => void;
  onReviewAgain: () => void;
  onStarted: (operation: Operation) => void;
}) {
  const start = useStartOperation(onStarted);
  return (
    <>
      <PlanReview plan={plan} {...review} />
      {start.isError && (
        <p className="form-error" role="alert">
          Could not start it: {describeError(start.error)}{' '}
          <button type="button" onClick={onReviewAgain}>
            Review again
          </button>
        </p>
      )}
      <div className="dialog-actions">
        {onBack && (
          <button type="button" onClick={onBack}>
            Back
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? 'button-danger' : 'button-primary'}
          disabled={plan.total === 0 || start.isPending}
          onClick={() => start.mutate(plan.id)}
        >
          {start.isPending ? 'Starting…' : startLabel}
        </button>
      </div>
    </>
  );
}
