import { describe, expect, it } from 'vitest';
import { readErrorBody } from './error-readers.ts';

describe('reading an error body by the provider its path reaches', () => {
  it("reads Box's code and message on a Box path", () => {
    const body = { type: 'error', status: 409, code: 'conflict', message: 'User is already a member' };
    expect(readErrorBody('/api/box/2.0/group_memberships', body)).toEqual({
      code: 'conflict',
      message: 'User is already a member',
    });
  });

  it("reads Roster's own refusal on a Box path in the form the server writes it", () => {
    const body = { error: 'BoxNotConnected', description: 'Connect your Box account to Roster to continue' };
    expect(readErrorBody('/api/box/2.0/users/me', body)).toEqual({
      code: 'BoxNotConnected',
      message: 'Connect your Box account to Roster to continue',
    });
  });

  it("keeps Zendesk's field details, and joins the titles of its list form", () => {
    const details = { user_id: [{ description: 'User is already a member', error: 'DuplicateValue' }] };
    expect(
      readErrorBody('/api/v2/group_memberships', { error: 'RecordInvalid', description: 'Invalid', details }),
    ).toEqual({ code: 'RecordInvalid', message: 'Invalid', details });
    const list = {
      errors: [
        { code: 'InvalidPaginationParameter', title: 'page[after] is not valid' },
        { code: 'InvalidPaginationParameter', title: 'page[size] is too large' },
      ],
    };
    expect(readErrorBody('/api/v2/groups', list)).toEqual({
      code: 'InvalidPaginationParameter',
      message: 'page[after] is not valid; page[size] is too large',
    });
  });

  it('answers nothing for a body no provider writes', () => {
    expect(readErrorBody('/api/v2/groups', '<html>Bad gateway</html>')).toBeUndefined();
    expect(readErrorBody('/api/box/2.0/groups', undefined)).toBeUndefined();
  });
});
