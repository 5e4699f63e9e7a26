import { plural } from '../../contract/plural.ts';
import type { Plan, PlanItem, SkippedEntry, SkipReason } from '../../contract/roster-operations.ts';
import { VirtualList } from '../virtual-list.tsx';
import { CHANGE_ACTION_BADGE, changeActionWord } from './change-action.ts';

type Words = { one: string; other: string };

const SKIP_WORDS: Record<SkipReason, Words> = {
  already_member: { one: 'already a member', other: 'already members' },
  not_member: { one: 'not a member', other: 'not members' },
  refused: { one: 'not possible', other: 'not possible' },
  unknown: { one: 'unknown', other: 'unknown' },
  invalid: { one: 'not an email or id', other: 'not an email or id' },
  too_long: { one: 'too long', other: 'too long' },
  duplicate: { one: 'repeated', other: 'repeated' },
};
/** A change of role skips those who already have it. */
const ALREADY_SO: Words = { one: 'already in that role', other: 'already in that role' };
/** A mixed change skips what is already as asked. */
const ALREADY_TRUE: Words = { one: 'already so', other: 'already so' };
const SKIP_ORDER = Object.keys(SKIP_WORDS) as SkipReason[];

/** What the operation does to each item, in the review's first words: "12 to add". */
export function planVerb(plan: Pick<Plan, 'kind'>): 'add' | 'remove' | 'change' {
  if (plan.kind.endsWith('.change')) return 'change';
  if (plan.kind.endsWith('.create')) return 'add';
  return plan.kind.endsWith('.destroy') ? 'remove' : 'change';
}

/**
 * "12 to add, 3 already members, 1 unknown": every count there is, the one to act on first.
 * `extraSkipped` are entries the browser set aside before asking, counted with the server's.
 */
/** A mixed change counts what it does by action: "12 to add, 5 to remove, 2 defaults to change". */
function changeCounts(plan: Plan): string[] {
  const count = (action: PlanItem['action']) => plan.items.filter((item) => item.action === action).length;
  const parts = [
    [count('add'), 'to add', 'to add'],
    [count('remove'), 'to remove', 'to remove'],
    [count('make_default'), 'default to change', 'defaults to change'],
    [count('set_role'), 'role to change', 'roles to change'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, other]) => plural(n, one, other));
  return said.length > 0 ? said : ['nothing to change'];
}

export function planSummary(plan: Plan, refused?: Words, extraSkipped: readonly SkippedEntry[] = []): string {
  const verb = planVerb(plan);
  const mixed = plan.kind.endsWith('.change');
  // An add always says how many were members already; other counts show only when there are some.
  const always: SkipReason | undefined = verb === 'add' ? 'already_member' : undefined;
  const parts = SKIP_ORDER.flatMap((reason) => {
    const value = (plan.counts[reason] ?? 0) + extraSkipped.filter((entry) => entry.reason === reason).length;
    if (value === 0 && reason !== always) return [];
    const words =
      reason === 'refused' && refused
        ? refused
        : reason === 'already_member' && verb === 'change'
          ? mixed
            ? ALREADY_TRUE
            : ALREADY_SO
          : SKIP_WORDS[reason];
    return [plural(value, words.one, words.other)];
  });
  return [...(mixed ? changeCounts(plan) : [`${plan.total.toLocaleString()} to ${verb}`]), ...parts].join(
    ', ',
  );
}

function ItemRow({ item }: { item: PlanItem }) {
  return (
    <span className={item.action ? 'plan-item plan-item-mixed' : 'plan-item'}>
      {item.action && (
        <span className={CHANGE_ACTION_BADGE[item.action]}>{changeActionWord(item.action, item.role)}</span>
      )}
      <span className="truncate">{item.user.name}</span>
      <span className="cell-muted truncate">{item.user.email ?? ''}</span>
      <span className="truncate">{item.target.name}</span>
      {item.removes_default ? (
        <span className="badge badge-warn" title="Their default until now">
          Default
        </span>
      ) : item.makes_default ? (
        <span className="badge" title="Becomes their default">
          Default
        </span>
      ) : (
        <span />
      )}
    </span>
  );
}

function SkippedRow({ entry }: { entry: SkippedEntry }) {
  return (
    <span className="plan-skipped">
      <span className="cell-muted">{entry.line === undefined ? '—' : `Line ${entry.line}`}</span>
      <span className="truncate" title={entry.entry}>
        {entry.entry}
      </span>
      <span className="truncate" title={entry.description}>
        {entry.description}
      </span>
    </span>
  );
}

/**
 * The server's review of an operation before it starts: the counts, what a person must know
 * first, everyone it affects by name, and every entry it will not act on with its line and why.
 */
export function PlanReview({
  plan,
  refused,
  extraSkipped = [],
  notes,
}: {
  plan: Plan;
  /** Words for the entries the upstream's rules refuse, e.g. "not an agent". */
  refused?: Words;
  /** Entries the browser could not turn into ids before asking (Box logins). */
  extraSkipped?: readonly SkippedEntry[];
  /** Sentences of the dialog's own shown with the server's warnings. */
  notes?: readonly string[];
}) {
  const verb = planVerb(plan);
  const skipped = [...extraSkipped, ...plan.skipped];
  const warnings = [...(notes ?? []), ...plan.warnings];
  const unlisted = plan.total - plan.items.length;
  return (
    <div className="plan" data-testid="plan">
      <p className="plan-summary" data-testid="plan-summary">
        <strong>{planSummary(plan, refused, extraSkipped)}</strong>.
      </p>
      {warnings.map((warning) => (
        <p key={warning} className="warning" role="note">
          <span aria-hidden="true">⚠</span> {warning}
        </p>
      ))}
      {plan.items.length > 0 && (
        <section className="plan-section">
          <h3>
            To {verb} ({plan.total.toLocaleString()})
          </h3>
          <VirtualList
            label={`To ${verb}`}
            items={plan.items}
            rowKey={(item) => `${item.action ?? verb}:${item.user.id}:${item.target.type}:${item.target.id}`}
            renderRow={(item) => <ItemRow item={item} />}
          />
          {!plan.items_complete && unlisted > 0 && (
            <p className="field-hint">
              The first {plan.items.length.toLocaleString()} are listed; the other {unlisted.toLocaleString()}{' '}
              are found as the operation walks the list.
            </p>
          )}
        </section>
      )}
      {skipped.length > 0 && (
        <section className="plan-section">
          <h3>
            Not {verb === 'add' ? 'added' : verb === 'remove' ? 'removed' : 'changed'} (
            {skipped.length.toLocaleString()})
          </h3>
          <VirtualList
            label="Skipped entries"
            className="plan-skipped-list"
            items={skipped}
            rowKey={(entry, index) => `${index}:${entry.entry}`}
            renderRow={(entry) => <SkippedRow entry={entry} />}
          />
        </section>
      )}
    </div>
  );
}
