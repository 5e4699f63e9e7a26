import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { groupMembershipKeys } from '../../api/group-memberships.ts';
import { groupKeys } from '../../api/groups.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type { Group } from '../../contract/group.ts';
import type { User } from '../../contract/user.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { AgentPicker } from './agent-picker.tsx';
import { groupScope } from './group-scope.ts';
import { parsePastedPeople } from './parse-pasted-people.ts';
import { type AgentAdditionPlan, planAgentAdditions } from './plan-agent-additions.ts';

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

export function AddAgentsDialog({ group, onClose }: { group: Group; onClose: () => void }) {
  const engine = useBulkEngine();
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
      return planAgentAdditions(group.id, picked, parsed, setEmailsChecked);
    },
  });
  const plan: AgentAdditionPlan | undefined = review.data;

  function submit(toAdd: User[]) {
    engine.start({
      kind: 'group_memberships.create',
      label: `Add ${toAdd.length.toLocaleString()} agent${toAdd.length === 1 ? '' : 's'} to ${group.name}`,
      items: toAdd.map((user) => ({
        label: `${user.name} to ${group.name}`,
        payload: { user_id: user.id, group_id: group.id },
      })),
      invalidates: [groupMembershipKeys.lists(), groupKeys.memberCount(group.id)],
      scope: groupScope(group.id),
    });
    onClose();
  }

  return (
    <ModalDialog title={`Add agents to ${group.name}`} onClose={onClose} wide>
      {!plan ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            review.mutate();
          }}
        >
          <AgentPicker picked={picked} onChange={setPicked} />
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
              {entryCount > 0 && `${entryCount.toLocaleString()} entr${entryCount === 1 ? 'y' : 'ies'} read.`}
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
            {plan.alreadyMembers.length.toLocaleString()} already member
            {plan.alreadyMembers.length === 1 ? '' : 's'}, {plan.notAgents.length.toLocaleString()} not agent
            {plan.notAgents.length === 1 ? '' : 's'}, {plan.unknown.length.toLocaleString()} unknown
            {plan.invalid.length > 0 && `, ${plan.invalid.length.toLocaleString()} not an email or id`}
            {plan.duplicates.length > 0 && `, ${plan.duplicates.length.toLocaleString()} repeated`}.
          </p>
          <PlanList title="To add" items={plan.toAdd.map(describeUser)} />
          <PlanList title="Already members" items={plan.alreadyMembers.map(describeUser)} />
          <PlanList
            title="Not agents (end users cannot join groups)"
            items={plan.notAgents.map(describeUser)}
            tone="warn"
          />
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
              onClick={() => submit(plan.toAdd)}
            >
              Add {plan.toAdd.length.toLocaleString()} agent{plan.toAdd.length === 1 ? '' : 's'}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
