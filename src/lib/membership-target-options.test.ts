import { describe, expect, it } from 'vitest';
import { chosenTarget, groupOptionsFor, organizationOptionsFor } from './membership-target-options.ts';

const groups = [
  { id: 1, name: 'Tier 1 Support', deleted: false },
  { id: 2, name: 'Tier 2 Support', deleted: false },
  { id: 3, name: 'Billing', deleted: false },
  { id: 4, name: 'Old Support', deleted: true },
];

describe('groupOptionsFor', () => {
  it('offers the groups whose name contains the text anywhere, ignoring case', () => {
    expect(groupOptionsFor(groups, '  SUPPORT ', new Set()).map((option) => option.id)).toEqual([1, 2]);
  });

  it('leaves deleted groups out', () => {
    expect(groupOptionsFor(groups, 'old', new Set())).toEqual([]);
  });

  it('lists the groups the person is in with the reason they cannot be chosen', () => {
    expect(groupOptionsFor(groups, 'tier', new Set([2]))).toEqual([
      { id: 1, name: 'Tier 1 Support' },
      { id: 2, name: 'Tier 2 Support', refusal: 'already a member' },
    ]);
  });

  it('offers nothing before anything is typed', () => {
    expect(groupOptionsFor(groups, '   ', new Set())).toEqual([]);
  });
});

describe('organizationOptionsFor', () => {
  it('keeps the search’s order and marks the organizations the person is in', () => {
    const found = [
      { id: 7, name: 'Acme' },
      { id: 8, name: 'Acme Labs' },
    ];
    expect(organizationOptionsFor(found, new Set([7]))).toEqual([
      { id: 7, name: 'Acme', refusal: 'already a member' },
      { id: 8, name: 'Acme Labs' },
    ]);
  });
});

describe('chosenTarget', () => {
  const options = groupOptionsFor(groups, 'support', new Set([2]));

  it('takes the option picked from the list', () => {
    const picked = options[1] ?? null;
    expect(chosenTarget(picked, options, 'whatever')).toBe(picked);
  });

  it('takes the option whose whole name was typed, ignoring case and spaces around it', () => {
    expect(chosenTarget(null, options, ' tier 1 support ')?.id).toBe(1);
  });

  it('takes nothing for part of a name', () => {
    expect(chosenTarget(null, options, 'Tier 1')).toBeNull();
  });

  it('never takes an option that cannot be chosen, even when its name was typed', () => {
    expect(chosenTarget(null, options, 'Tier 2 Support')).toBeNull();
  });
});
