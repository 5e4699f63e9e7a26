import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import type { User } from '../../contract/user.ts';
import { parsePastedPeople } from '../../lib/people/parse-pasted-people.ts';
import { type AdditionPlan, planAdditions } from '../../lib/people/plan-additions.ts';
import { ModalDialog } from '../modal-dialog.tsx';
import { PeoplePicker } from './people-picker.tsx';

const MAX_PASTED_ENTRIES = 5000;

function PlanList({ title, items, tone }: { title: string; items: string[]; tone?: 'warn' }) {
  if (items.length === 0) return null;
  return (
    <details
      className={`plan-list${tone ? ` plan-${tone}` : ''}`}
      open={tone === 'warn' && items.length <= 10}
    >
      <summary>
        {title} ({items.length.toLocaleString()})
      </summary>
      <ul>
        {items.slice(0, 200).map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list in which the same text may repeat
          <li key={index}>{item}</li>
        ))}
        {items.length > 200 && <li>… and {(items.length - 200).toLocaleString()} more</li>}
      </ul>
    </details>
  );
}

const describeUser = (user: User) => `${user.name} <${user.email ?? user.id}>`;
const plural = (count: number, one: string, other: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : other}`;

export type AddMembersDialogProps = {
  title: string;
  /** What a member is called here: agent/agents for groups, user/users for organizations. */
  noun: { one: string; other: string };
  pickerLabel: string;
  /** Why someone cannot join, or undefined when they can. */
  refusal: (user: User) => string | undefined;
  /** Heading and summary words for those refused, e.g. "Not agents (end users cannot join groups)". */
  refused: { title: string; one: string; other: string };
  loadMemberIds: () => Promise<ReadonlySet<number>>;
  /** Starts the additions; the dialog closes. */
  onAdd: (users: User[]) => void;
  onClose: () => void;
};

/**
 * Find people or paste emails and ids, review what will happen (to add, already members, refused,
 * unknown, not an email or id, repeated), then add. Nothing is sent until the person confirms.
 */
export function AddMembersDialog(props: AddMembersDialogProps) {
  const { noun, refused, onClose } = props;
  const [picked, setPicked] = useState<User[]>([]);
  const [pasted, setPasted] = useState('');
  const parsed = parsePastedPeople(pasted);
  const entryCount =
    parsed.ids.length + parsed.emails.length + parsed.invalid.length + parsed.duplicates.length;
  const tooMany = entryCount > MAX_PASTED_ENTRIES;
  const [emailsChecked, setEmailsChecked] = useState(0);
  const review = useMutation({
    mutationFn: () => {
      setEmailsChecked(0);
      return planAdditions({
        picked,
        pasted: parsed,
        loadMemberIds: props.loadMemberIds,
        canJoin: (user) => props.refusal(user) === undefined,
        onEmailsChecked: setEmailsChecked,
      });
    },
  });
  const plan: AdditionPlan | undefined = review.data;

  return (
    <ModalDialog title={props.title} onClose={onClose} wide>
      {!plan ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            review.mutate();
          }}
        >
          <PeoplePicker
            label={props.pickerLabel}
            picked={picked}
            onChange={setPicked}
            refusal={props.refusal}
          />
          <label className="field">
            <span>Or paste emails or user ids</span>
            <textarea
              rows={6}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              placeholder={'ada@example.com\nalan@example.com, 380000123'}
            />
            <span className="field-hint">
              One per line, or separated by commas or spaces.{' '}
              {entryCount > 0 && `${plural(entryCount, 'entry', 'entries')} read.`}
            </span>
          </label>
          {tooMany && (
            <p className="form-error" role="alert">
              Paste at most {MAX_PASTED_ENTRIES.toLocaleString()} entries at a time.
            </p>
          )}
          {review.isError && (
            <p className="form-error" role="alert">
              Could not check these people: {describeError(review.error)}{' '}
              <button type="button" onClick={() => review.mutate()}>
                Retry
              </button>
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button-primary"
              disabled={review.isPending || tooMany || (picked.length === 0 && entryCount === 0)}
            >
              {review.isPending
                ? parsed.emails.length > 20
                  ? `Checking emails ${emailsChecked.toLocaleString()} / ${parsed.emails.length.toLocaleString()}…`
                  : 'Checking…'
                : 'Review'}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <p className="plan-summary" data-testid="add-plan-summary">
            <strong>{plan.toAdd.length.toLocaleString()} to add</strong>,{' '}
            {plural(plan.alreadyMembers.length, 'already member', 'already members')}
            {plan.refused.length > 0 && `, ${plural(plan.refused.length, refused.one, refused.other)}`},{' '}
            {plan.unknown.length.toLocaleString()} unknown
            {plan.invalid.length > 0 && `, ${plan.invalid.length.toLocaleString()} not an email or id`}
            {plan.duplicates.length > 0 && `, ${plan.duplicates.length.toLocaleString()} repeated`}.
          </p>
          <PlanList title="To add" items={plan.toAdd.map(describeUser)} />
          <PlanList title="Already members" items={plan.alreadyMembers.map(describeUser)} />
          <PlanList title={refused.title} items={plan.refused.map(describeUser)} tone="warn" />
          <PlanList title="No user with this email or id" items={plan.unknown} tone="warn" />
          <PlanList title="Not an email address or id" items={plan.invalid} tone="warn" />
          <PlanList title="Repeated entries, counted once" items={plan.duplicates} />
          <div className="dialog-actions">
            <button type="button" onClick={() => review.reset()}>
              Back
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={plan.toAdd.length === 0}
              onClick={() => {
                props.onAdd(plan.toAdd);
                onClose();
              }}
            >
              Add {plural(plan.toAdd.length, noun.one, noun.other)}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
