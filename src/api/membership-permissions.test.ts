import { describe, expect, it } from 'vitest';
import { membershipPermissionsOf } from './membership-permissions.ts';

describe('membershipPermissionsOf', () => {
  it('lets admins change both kinds of membership', () => {
    expect(membershipPermissionsOf({ role: 'admin', custom_role_id: null })).toEqual({
      groups: { allowed: true },
      organizations: { allowed: true },
    });
  });

  it('keeps agents without a custom role out of group changes, with the reason', () => {
    const permissions = membershipPermissionsOf({ role: 'agent', custom_role_id: null });
    expect(permissions.groups).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/custom role/),
    });
    expect(permissions.organizations.allowed).toBe(true);
  });

  it('offers group changes to agents with a custom role, leaving the decision to Zendesk', () => {
    expect(membershipPermissionsOf({ role: 'agent', custom_role_id: 10_001 }).groups.allowed).toBe(true);
  });

  it('offers end users no changes, and offers nothing before the person is known', () => {
    for (const user of [{ role: 'end-user', custom_role_id: null } as const, undefined]) {
      const permissions = membershipPermissionsOf(user);
      expect(permissions.groups.allowed).toBe(false);
      expect(permissions.organizations.allowed).toBe(false);
    }
  });
});
