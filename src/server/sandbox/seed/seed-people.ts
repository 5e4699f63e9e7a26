import type { SandboxDatabase } from '../db/open-database.ts';
import { FIRST_NAMES, LAST_NAMES, slugify } from './demo-names.ts';
import { DAY, formatTimestamp, shortlyAfter } from './seed-clock.ts';
import type { SeededRandom } from './seeded-random.ts';

export type Role = 'end-user' | 'agent' | 'admin';

export interface Person {
  name: string;
  email: string;
  role: Role;
  customRoleId: number | null;
  suspended: boolean;
  timeZone: string;
  createdAt: number;
}

export interface MembershipCounts {
  users: number;
  groupMemberships: number;
  organizationMemberships: number;
}

/**
 * Writes a user together with their memberships, first membership first: memberships get rising ids,
 * so the first one is the user's lowest id and the default, and the user row points at it from the
 * start (no second pass to fix `default_group_id` / `organization_id`).
 */
export interface PeopleWriter {
  staff(person: Person, groupIds: readonly number[]): number;
  endUser(person: Person, organizationIds: readonly number[]): number;
  readonly counts: MembershipCounts;
}

export function createPeopleWriter(
  db: SandboxDatabase,
  targetCreatedAt: ReadonlyMap<number, number>,
  random: SeededRandom,
): PeopleWriter {
  const insertUser = db.prepare(
    `INSERT INTO users (name, email, role, custom_role_id, default_group_id, organization_id, suspended,
       time_zone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGroupMembership = db.prepare(
    `INSERT INTO group_memberships (user_id, group_id, is_default, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const insertOrganizationMembership = db.prepare(
    `INSERT INTO organization_memberships (user_id, organization_id, is_default, view_tickets, created_at,
       updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const counts: MembershipCounts = { users: 0, groupMemberships: 0, organizationMemberships: 0 };
  // Reused between users: people have at most a handful of memberships.
  const joinedAt: string[] = [];

  /** Membership times follow the user's and the target's creation, in membership order. */
  function planJoins(person: Person, targetIds: readonly number[]): number {
    let moment = person.createdAt;
    joinedAt.length = targetIds.length;
    for (let index = 0; index < targetIds.length; index++) {
      const targetCreated = targetCreatedAt.get(targetIds[index] as number) ?? moment;
      moment = shortlyAfter(Math.max(moment, targetCreated), 3 * DAY, random);
      joinedAt[index] = formatTimestamp(moment);
    }
    return targetIds.length > 0 && random.chance(0.5) ? moment : person.createdAt;
  }

  function writeUser(
    person: Person,
    defaultGroupId: number | null,
    organizationId: number | null,
    at: number,
  ) {
    counts.users++;
    const updatedAt = random.chance(0.2) ? shortlyAfter(at, 200 * DAY, random) : at;
    return Number(
      insertUser.run(
        person.name,
        person.email,
        person.role,
        person.customRoleId,
        defaultGroupId,
        organizationId,
        person.suspended ? 1 : 0,
        person.timeZone,
        formatTimestamp(person.createdAt),
        formatTimestamp(updatedAt),
      ).lastInsertRowid,
    );
  }

  return {
    counts,
    staff(person, groupIds) {
      const lastChange = planJoins(person, groupIds);
      const userId = writeUser(person, groupIds[0] ?? null, null, lastChange);
      for (let index = 0; index < groupIds.length; index++) {
        const at = joinedAt[index] as string;
        insertGroupMembership.run(userId, groupIds[index] as number, index === 0 ? 1 : 0, at, at);
      }
      counts.groupMemberships += groupIds.length;
      return userId;
    },
    endUser(person, organizationIds) {
      const lastChange = planJoins(person, organizationIds);
      const userId = writeUser(person, null, organizationIds[0] ?? null, lastChange);
      for (let index = 0; index < organizationIds.length; index++) {
        const at = joinedAt[index] as string;
        const viewTickets = random.chance(0.9) ? 1 : 0;
        insertOrganizationMembership.run(
          userId,
          organizationIds[index] as number,
          index === 0 ? 1 : 0,
          viewTickets,
          at,
          at,
        );
      }
      counts.organizationMemberships += organizationIds.length;
      return userId;
    },
  };
}

/** Random people with unique addresses: the running number keeps `first.last{n}@domain` unique. */
export interface NameMaker {
  next(domain: string): { name: string; email: string };
}

const FIRST_SLUGS = FIRST_NAMES.map(slugify);
const LAST_SLUGS = LAST_NAMES.map(slugify);

export function createNameMaker(random: SeededRandom, firstNumber = 1): NameMaker {
  let number = firstNumber;
  return {
    next(domain) {
      const first = Math.floor(random.next() * FIRST_NAMES.length);
      const last = Math.floor(random.next() * LAST_NAMES.length);
      const email = `${FIRST_SLUGS[first]}.${LAST_SLUGS[last]}${number++}@${domain}`;
      return { name: `${FIRST_NAMES[first]} ${LAST_NAMES[last]}`, email };
    },
  };
}
