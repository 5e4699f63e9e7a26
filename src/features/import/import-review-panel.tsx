import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { PlanReview } from '../../components/operations/plan-review.tsx';
import { useStartOperation } from '../../components/operations/use-operation-actions.ts';
import type { ImportReview } from '../../contract/membership-csv.ts';
import { plural } from '../../contract/plural.ts';
import type { Operation } from '../../contract/roster-operations.ts';
import { paths } from '../../lib/paths.ts';
import { BadRowsList } from './bad-rows-list.tsx';

function summary(review: ImportReview): string {
  const { counts } = review;
  const parts = [
    plural(counts.add, 'to add', 'to add'),
    plural(counts.remove, 'to remove', 'to remove'),
    ...(review.kind === 'box_group_memberships'
      ? [plural(counts.set_role, 'role to change', 'roles to change')]
      : [plural(counts.make_default, 'default to change', 'defaults to change')]),
    plural(counts.already, 'row already true', 'rows already true'),
    plural(counts.bad, 'line could not be used', 'lines could not be used'),
  ];
  return `${plural(review.rows, 'row read', 'rows read')}: ${parts.join(', ')}`;
}

/**
 * The difference between the file and today, every line it could not use, and "Apply", which
 * starts exactly this difference as one operation (confirmed first when it removes anyone).
 */
export function ImportReviewPanel({
  review,
  onReviewAgain,
}: {
  review: ImportReview;
  onReviewAgain: () => void;
}) {
  const [started, setStarted] = useState<Operation | null>(null);
  const [confirming, setConfirming] = useState(false);
  const start = useStartOperation((operation) => {
    setConfirming(false);
    setStarted(operation);
  });
  const { plan } = review;
  const apply = () => plan && start.mutate(plan.id);
  return (
    <section className="import-review" aria-labelledby="import-review-title">
      <h2 id="import-review-title">Difference from today</h2>
      <p className="plan-summary" data-testid="import-summary">
        <strong>{summary(review)}</strong>.
      </p>
      {review.bad_rows.length > 0 && <BadRowsList rows={review.bad_rows} />}
      {plan ? (
        <PlanReview plan={plan} />
      ) : (
        <p className="empty-note">
          Nothing to change: today already matches the file
          {review.counts.bad > 0 ? ' (apart from the lines above)' : ''}.
        </p>
      )}
      {start.isError && (
        <p className="form-error" role="alert">
          Could not apply it: {describeError(start.error)}{' '}
          <button type="button" onClick={onReviewAgain}>
            Review again
          </button>
        </p>
      )}
      {started ? (
        <p className="notice" role="status">
          Applying as one operation: <Link to={paths.operation.href(started.id)}>{started.label}</Link>. It
          runs on the server; its progress is in the tray and in History.
        </p>
      ) : (
        plan && (
          <div className="dialog-actions">
            <button
              type="button"
              className={review.counts.remove > 0 ? 'button-danger' : 'button-primary'}
              disabled={start.isPending}
              onClick={() => (review.counts.remove > 0 ? setConfirming(true) : apply())}
            >
              {start.isPending ? 'Starting…' : `Apply ${plural(plan.total, 'change', 'changes')}`}
            </button>
          </div>
        )
      )}
      {confirming && plan && (
        <ModalDialog title="Apply and remove?" onClose={() => setConfirming(false)}>
          <p>
            This import removes {plural(review.counts.remove, 'membership', 'memberships')}
            {review.counts.add > 0 && ` and adds ${review.counts.add.toLocaleString()}`}.
          </p>
          {plan.warnings.map((warning) => (
            <p key={warning} className="warning" role="note">
              <span aria-hidden="true">⚠</span> {warning}
            </p>
          ))}
          <DialogFooter onCancel={() => setConfirming(false)}>
            <button type="button" className="button-danger" disabled={start.isPending} onClick={apply}>
              {start.isPending ? 'Starting…' : `Remove ${review.counts.remove.toLocaleString()} and apply`}
            </button>
          </DialogFooter>
        </ModalDialog>
      )}
    </section>
  );
}
