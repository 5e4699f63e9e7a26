import { describe, expect, it } from 'vitest';
import type { Plan } from '../../contract/roster-operations.ts';
import { operationOutcome, outcomeCounts } from './operation-outcome.ts';
import { planSummary } from './plan-review.tsx';

const counts = (failed: number) => ({
  total: 10,
  pending: 0,
  submitted: 0,
  succeeded: 10 - failed,
  failed,
  cancelled: 0,
});

describe('operationOutcome', () => {
  it('never shows an operation in which items failed as a success, however it ended', () => {
    expect(operationOutcome({ state: 'completed', counts: counts(0) })).toMatchObject({
      icon: '✓',
      tone: 'success',
    });
    expect(operationOutcome({ state: 'completed_with_failures', counts: counts(2) })).toMatchObject({
      icon: '⚠',
      tone: 'warning',
      word: 'Completed with failures',
    });
    expect(operationOutcome({ state: 'cancelled', counts: counts(1) })).toMatchObject({
      icon: '⚠',
      tone: 'warning',
    });
    expect(operationOutcome({ state: 'failed', counts: counts(10) })).toMatchObject({
      icon: '✕',
      tone: 'danger',
    });
  });

  it('counts what came of the items, leaving out "0 failed" only where asked to', () => {
    expect(outcomeCounts({ counts: counts(0) })).toBe('10 succeeded, 0 failed');
    expect(outcomeCounts({ counts: counts(0) }, true)).toBe('10 succeeded');
    expect(outcomeCounts({ counts: { ...counts(2), cancelled: 3 } }, true)).toBe(
      '8 succeeded, 2 failed, 3 cancelled',
    );
  });
});

const plan = (overrides: Partial<Plan>): Plan => ({
  id: 'plan_1',
  kind: 'group_memberships.create',
  label: 'Add 12 agents to Billing',
  created_at: '2026-11-23T10:00:00.000Z',
  expires_at: '2026-11-23T10:30:00.000Z',
  total: 12,
  items: [],
  items_complete: true,
  skipped: [],
  counts: { already_member: 0, not_member: 0, refused: 2, unknown: 1, invalid: 0, too_long: 0, duplicate: 0 },
  warnings: [],
  requests: 3,
  ...overrides,
});

describe('planSummary', () => {
  it('leads with what the operation does, always says how many were members already for an add, and names refusals in the page’s words', () => {
    expect(planSummary(plan({}), { one: 'not an agent', other: 'not agents' })).toBe(
      '12 to add, 0 already members, 2 not agents, 1 unknown',
    );
  });

  it('counts entries the browser set aside with the server’s, and says nothing of zeros for a removal', () => {
    const removal = plan({
      kind: 'group_memberships.destroy',
      counts: {
        already_member: 0,
        not_member: 0,
        refused: 0,
        unknown: 0,
        invalid: 0,
        too_long: 0,
        duplicate: 0,
      },
    });
    expect(planSummary(removal)).toBe('12 to remove');
    expect(
      planSummary(plan({}), undefined, [{ entry: 'x', reason: 'unknown', description: 'No one', line: 2 }]),
    ).toBe('12 to add, 0 already members, 2 not possible, 2 unknown');
  });

  it('counts a mixed change by what each item does, and what is already so', () => {
    const person = { id: '1', name: 'Ada', email: null };
    const where = { type: 'group' as const, id: '2', name: 'Billing' };
    const mixed = plan({
      kind: 'group_memberships.change',
      total: 4,
      items: [
        { user: person, target: where, action: 'add' },
        { user: person, target: where, action: 'add' },
        { user: person, target: where, action: 'remove' },
        { user: person, target: where, action: 'make_default' },
      ],
      counts: {
        already_member: 1,
        not_member: 0,
        refused: 1,
        unknown: 0,
        invalid: 0,
        too_long: 0,
        duplicate: 0,
      },
    });
    expect(planSummary(mixed)).toBe(
      '2 to add, 1 to remove, 1 default to change, 1 already so, 1 not possible',
    );
  });
});
