import { describe, expect, it } from 'vitest';
import {
  type CellFacts,
  changesToSend,
  describePending,
  type Judge,
  NO_PENDING_CHANGES,
  type PendingChanges,
  pendingChangesReducer,
  summarizePending,
} from './pending-changes.ts';

const allowAll: Judge = () => undefined;
const cell = (rowId: string, columnId: string, member: boolean): CellFacts => ({ rowId, columnId, member });
const run = (...actions: Parameters<typeof pendingChangesReducer>[1][]): PendingChanges =>
  actions.reduce(pendingChangesReducer, NO_PENDING_CHANGES);

describe('pending changes of the grid', () => {
  it('adds a non-member and removes a member on a click, and a second click undoes either', () => {
    const once = run(
      { type: 'toggle', cell: cell('1', 'a', false), judge: allowAll },
      { type: 'toggle', cell: cell('2', 'a', true), judge: allowAll },
    );
    expect(summarizePending(once)).toMatchObject({ adds: 1, removes: 1 });
    const twice = run(
      { type: 'toggle', cell: cell('1', 'a', false), judge: allowAll },
      { type: 'toggle', cell: cell('1', 'a', false), judge: allowAll },
    );
    expect(twice.size).toBe(0);
  });

  it('makes every cell of a rectangle a member, leaving those who already are untouched', () => {
    const pending = run({
      type: 'set',
      want: true,
      cells: [cell('1', 'a', false), cell('1', 'b', true), cell('2', 'a', false)],
      judge: allowAll,
    });
    expect(changesToSend(pending).map((c) => `${c.rowId}${c.columnId}:${c.membership}`)).toEqual([
      '1a:add',
      '2a:add',
    ]);
  });

  it('keeps a refused change as its reason and never sends it', () => {
    const judge: Judge = (_pending, facts) => (facts.rowId === 'eve' ? 'Eve is an end user' : undefined);
    const pending = run(
      { type: 'toggle', cell: cell('eve', 'a', false), judge },
      { type: 'toggle', cell: cell('1', 'a', false), judge },
    );
    const summary = summarizePending(pending);
    expect(summary.refused.map((c) => c.refusal)).toEqual(['Eve is an end user']);
    expect(describePending(summary)).toBe('1 to add, 1 not possible: Eve is an end user');
    expect(changesToSend(pending)).toHaveLength(1);
  });

  it('lets the judge see what is already pending, so the last group of an agent cannot go', () => {
    const lastGroup: Judge = (pending, facts, change) => {
      const removing = [...pending.values()].filter(
        (c) => c.rowId === facts.rowId && c.membership === 'remove',
      );
      return change.membership === 'remove' && removing.length >= 1 ? 'their last group' : undefined;
    };
    const pending = run({
      type: 'set',
      want: false,
      cells: [cell('1', 'a', true), cell('1', 'b', true)],
      judge: lastGroup,
    });
    expect(summarizePending(pending)).toMatchObject({ removes: 1 });
    expect(summarizePending(pending).refused[0]?.refusal).toBe('their last group');
  });

  it('keeps one pending default per person, and a default needs a membership', () => {
    const pending = run(
      { type: 'make_default', cell: cell('1', 'a', true), judge: allowAll },
      { type: 'toggle', cell: cell('1', 'b', false), judge: allowAll },
      { type: 'make_default', cell: cell('1', 'b', false), judge: allowAll },
      { type: 'make_default', cell: cell('1', 'c', false), judge: allowAll },
    );
    const sent = changesToSend(pending);
    expect(sent.filter((c) => c.makeDefault).map((c) => c.columnId)).toEqual(['b']);
    expect(sent.find((c) => c.columnId === 'b')?.membership).toBe('add');
    expect(pending.get('1:c')?.refusal).toMatch(/add it first/);
  });

  it('changes a Box role only when it differs, and counts it', () => {
    const pending = run(
      { type: 'set_role', cell: cell('1', 'a', true), role: 'admin', currentRole: 'member', judge: allowAll },
      { type: 'set_role', cell: cell('2', 'a', true), role: 'admin', currentRole: 'admin', judge: allowAll },
    );
    expect(pending.size).toBe(1);
    expect(describePending(summarizePending(pending))).toBe('1 role changes');
  });

  it('says the defaults that change in the plural the way a person would', () => {
    const pending = run(
      { type: 'make_default', cell: cell('1', 'a', true), judge: allowAll },
      { type: 'make_default', cell: cell('2', 'a', true), judge: allowAll },
      { type: 'toggle', cell: cell('3', 'a', true), judge: allowAll },
    );
    expect(describePending(summarizePending(pending))).toBe('1 to remove, 2 defaults change');
  });

  it('clears everything at once', () => {
    const pending = run({ type: 'toggle', cell: cell('1', 'a', false), judge: allowAll }, { type: 'clear' });
    expect(pending.size).toBe(0);
    expect(describePending(summarizePending(pending))).toBe('No changes yet');
  });
});
