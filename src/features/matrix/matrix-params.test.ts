import { describe, expect, it } from 'vitest';
import { parseMatrixParams } from './matrix-params.ts';

describe('the grid view in the URL', () => {
  it('shows agents and admins in every column by default', () => {
    expect(parseMatrixParams(new URLSearchParams(''))).toEqual({
      text: '',
      role: 'staff',
      memberOf: undefined,
      outside: false,
      columns: undefined,
      badColumns: [],
      order: 'name',
    });
  });

  it('keeps chosen columns in order once each, and sets aside what is not an id', () => {
    const view = parseMatrixParams(new URLSearchParams('columns=3,1,3,abc,-2&order=members&role=end-user'));
    expect(view.columns).toEqual([3, 1]);
    expect(view.badColumns).toEqual(['abc', '-2']);
    expect(view.order).toBe('members');
    expect(view.role).toBe('end-user');
  });

  it('reads an empty column list as no columns, not all of them', () => {
    expect(parseMatrixParams(new URLSearchParams('columns=')).columns).toEqual([]);
  });

  it('falls back to the default role for a role it does not know', () => {
    expect(parseMatrixParams(new URLSearchParams('role=owner')).role).toBe('staff');
  });
});
