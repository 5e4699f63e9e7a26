import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { OrganizationMembershipRow } from '../db/rows.ts';
import {
  deleteMembership,
  insertMembership,
  makeDefaultMembership,
  ORGANIZATION_MEMBERSHIPS,
} from './membership-defaults.ts';
import type { CreateOutcome, MembershipRefusal } from './membership-refusal.ts';
import { findOrganization } from './organizations.ts';
import { findUser } from './users.ts';

/** Every read joins the organization's name, which the API returns on each membership. */
export const ORGANIZATION_MEMBERSHIP_FROM =
  'organization_memberships om JOIN organizations o ON o.id = om.organization_id';
export const ORGANIZATION_MEMBERSHIP_SELECT = 'om.*, o.name AS organization_name';

export function findOrganizationMembership(
  db: SandboxDatabase,
  id: number,
  userId?: number,
): OrganizationMembershipRow | undefined {
  const row = preparedStatement(
    db,
    `SELECT ${ORGANIZATION_MEMBERSHIP_SELECT} FROM ${ORGANIZATION_MEMBERSHIP_FROM} WHERE om.id = ?`,
  ).get(id) as OrganizationMembershipRow | undefined;
  return row && (userId === undefined || row.user_id === userId) ? row : undefined;
}

export function findOrganizationMembershipOf(
  db: SandboxDatabase,
  userId: number,
  organizationId: number,
): OrganizationMembershipRow | undefined {
  return preparedStatement(
    db,
    `SELECT ${ORGANIZATION_MEMBERSHIP_SELECT} FROM ${ORGANIZATION_MEMBERSHIP_FROM} WHERE om.user_id = ? AND om.organization_id = ?`,
  ).get(userId, organizationId) as OrganizationMembershipRow | undefined;
}

/** A user's memberships as the API orders them: the default first, then by organization name. */
export function listUserOrganizationMemberships(
  db: SandboxDatabase,
  userId: number,
): OrganizationMembershipRow[] {
  return preparedStatement(
    db,
    `SELECT ${ORGANIZATION_MEMBERSHIP_SELECT} FROM ${ORGANIZATION_MEMBERSHIP_FROM}
       WHERE om.user_id = ? ORDER BY om.is_default DESC, o.name COLLATE NOCASE, om.id`,
  ).all(userId) as OrganizationMembershipRow[];
}

function refuseOrganizationMembership(
  db: SandboxDatabase,
  userId: number,
  organizationId: number,
): MembershipRefusal | undefined {
  const user = findUser(db, userId);
  if (!user) return { field: 'user_id', error: 'InvalidValue', description: `User ${userId} does not exist` };
  const organization = findOrganization(db, organizationId);
  if (!organization) {
    return {
      field: 'organization_id',
      error: 'InvalidValue',
      description: `Organization ${organizationId} does not exist`,
    };
  }
  const existing = findOrganizationMembershipOf(db, userId, organizationId);
  if (existing) {
    return {
      field: 'user_id',
      error: 'DuplicateValue',
      description: `${user.name} is already a member of ${organization.name}`,
      existingId: existing.id,
    };
  }
  return undefined;
}

export function createOrganizationMembership(
  db: SandboxDatabase,
  userId: number,
  organizationId: number,
  viewTickets = true,
): CreateOutcome<OrganizationMembershipRow> {
  const refusal = refuseOrganizationMembership(db, userId, organizationId);
  if (refusal) return { refusal };
  const id = insertMembership(db, ORGANIZATION_MEMBERSHIPS, userId, organizationId, {
    view_tickets: viewTickets ? 1 : 0,
  });
  return { row: findOrganizationMembership(db, id) as OrganizationMembershipRow };
}

export function destroyOrganizationMembership(db: SandboxDatabase, id: number): boolean {
  return deleteMembership(db, ORGANIZATION_MEMBERSHIPS, id);
}

export function makeDefaultOrganizationMembership(db: SandboxDatabase, id: number): void {
  makeDefaultMembership(db, ORGANIZATION_MEMBERSHIPS, id);
}
