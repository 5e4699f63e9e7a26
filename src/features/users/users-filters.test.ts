import { describe, expect, it } from 'vitest';
import { usersFiltersOf } from './users-filters.ts';

describe('usersFiltersOf', () => {
  it('reads the role and the search text from the URL', () => {
    expect(usersFiltersOf(new URLSearchParams('role=end-user&q=ada'))).toEqual({
      role: 'end-user',
      text: 'ada',
    });
  });

  it('reads a missing or unknown role as agents and admins, and no text as none', () => {
    expect(usersFiltersOf(new URLSearchParams(''))).toEqual({ role: 'staff', text: '' });
    expect(usersFiltersOf(new URLSearchParams('role=owner'))).toEqual({ role: 'staff', text: '' });
    expect(usersFiltersOf(new URLSearchParams('role=toString'))).toEqual({ role: 'staff', text: '' });
  });
});
