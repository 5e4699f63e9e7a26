import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { planOperationMutationOptions } from '../../api/roster-operation-actions.ts';
import { plural } from '../../contract/plural.ts';
import type { PeopleInput } from '../../contract/providers/zendesk-operations.ts';
import type { OperationRequest } from '../../contract/roster-operations.ts';
import type { User } from '../../contract/user.ts';
import { DialogFooter } from '../dialog-footer.tsx';
import { ModalDialog } from '../modal-dialog.tsx';
import { PlanStep } from '../operations/plan-step.tsx';
import { PastedPeopleField, pastedPeopleCount } from './pasted-people-field.tsx';
import { PeoplePicker } from './people-picker.tsx';

export type AddMembersDialogProps = {
  title: string;
  /** What a member is called here: agent/agents for groups, user/users for organizations. */
  noun: { one: string; other: string };
  pickerLabel: string;
  /** Why someone cannot be picked, or undefined when they can. */
  refusal: (user: User) => string | undefined;
  /** Words for those the review refuses, e.g. "not an agent" / "not agents". */
  refused: { one: string; other: string };
  /** The operation for these people. */
  request: (people: PeopleInput) => OperationRequest;
  onClose: () => void;
};

/**
 * Find people or paste emails and ids, then the server's review of what will happen (to add,
 * already members, refused, unknown, not an email or id, repeated, each with its line), then add.
 * Nothing changes until the person confirms.
 */
export function AddMembersDialog(props: AddMembersDialogProps) {
  const { noun, onClose } = props;
  const [picked, setPicked] = useState<User[]>([]);
  const [pasted, setPasted] = useState('');
  const count = pastedPeopleCount(pasted);
  const review = useMutation(planOperationMutationOptions());
  const request = () =>
    props.request({
      ...(picked.length > 0 && { user_ids: picked.map((user) => user.id) }),
      ...(pasted.trim() && { pasted }),
    });
  const plan = review.data;

  return (
    <ModalDialog title={props.title} onClose={onClose} wide>
      {plan ? (
        <PlanStep
          key={plan.id}
          plan={plan}
          review={{ refused: props.refused }}
          startLabel={`Add ${plural(plan.total, noun.one, noun.other)}`}
          onBack={() => review.reset()}
          onCancel={onClose}
          onReviewAgain={() => review.mutate(request())}
          onStarted={onClose}
        />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            review.mutate(request());
          }}
        >
          <PeoplePicker
            label={props.pickerLabel}
            picked={picked}
            onChange={setPicked}
            refusal={props.refusal}
          />
          <PastedPeopleField
            label="Or paste emails or user ids"
            rows={6}
            value={pasted}
            onChange={setPasted}
            count={count}
          />
          <DialogFooter error={review.error} errorLead="Could not review these people" onCancel={onClose}>
            <button
              type="submit"
              className="button-primary"
              disabled={review.isPending || count.tooMany || (picked.length === 0 && count.entries === 0)}
            >
              {review.isPending ? 'Reviewing…' : 'Review'}
            </button>
          </DialogFooter>
        </form>
      )}
    </ModalDialog>
  );
}
