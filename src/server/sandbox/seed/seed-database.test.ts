import { describe, expect, it } from 'vitest';
import { openDatabase, readMeta, type SandboxDatabase } from '../db/open-database.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES, GROUP_MANAGER_ROLE_NAME } from '../demo-identities.ts';
import { seedDatabase } from './seed-database.ts';
import { OVERFLOW_QUEUE_GROUP_NAME, type SeedScale } from './seed-scales.ts';

const seeded = new Map<SeedScale, SandboxDatabase>();

/** One seeded database per scale, shared by the read-only checks. */
function seededDatabase(scale: SeedScale): SandboxDatabase {
  let db = seeded.get(scale);
  if (!db) {
    db = freshlySeeded(scale);
    seeded.set(scale, db);
  }
  return db;
}

function freshlySeeded(scale: SeedScale, seed?: number): SandboxDatabase {
  const db = openDatabase(':memory:');
  seedDatabase(db, seed === undefined ? { scale } : { scale, seed });
  return db;
}

function value(db: SandboxDatabase, sql: string, ...params: unknown[]): unknown {
  return db
    .prepare(sql)
    .pluck()
    .get(...params);
}

function rows(db: SandboxDatabase, sql: string, ...params: unknown[]): unknown[] {
  return db.prepare(sql).all(...params);
}

const TABLES = [
  'api_tokens',
  'custom_roles',
  'groups',
  'organizations',
  'users',
  'group_memberships',
  'organization_memberships',
];
const ZENDESK_TIMESTAMP_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z';
const SCALES: SeedScale[] = ['tiny', 'demo'];
const MEMBERSHIPS = [
  { table: 'group_memberships', target: 'group_id', userColumn: 'default_group_id' },
  { table: 'organization_memberships', target: 'organization_id', userColumn: 'organization_id' },
] as const;

describe('seedDatabase', () => {
  it('creates the documented demo identities with the demo API token', () => {
    for (const scale of SCALES) {
      const db = seededDatabase(scale);
      expect(rows(db, 'SELECT token, active FROM api_tokens')).toEqual([
        { token: DEMO_API_TOKEN, active: 1 },
      ]);
      const groupManagerRole = db
        .prepare('SELECT id, manage_group_memberships FROM custom_roles WHERE name = ?')
        .get(GROUP_MANAGER_ROLE_NAME) as { id: number; manage_group_memberships: number };
      expect(groupManagerRole.manage_group_memberships).toBe(1);

      for (const identity of Object.values(DEMO_IDENTITIES)) {
        const user = db
          .prepare('SELECT name, role, custom_role_id, suspended, active FROM users WHERE email = ?')
          .get(identity.email);
        expect(user).toEqual({
          name: identity.name,
          role: identity.role,
          custom_role_id: identity.customRole ? groupManagerRole.id : null,
          suspended: 0,
          active: 1,
        });
      }
    }
  });

  it('puts the staff identities in a few groups and the end user in two organizations', () => {
    for (const scale of SCALES) {
      const db = seededDatabase(scale);
      const userId = (email: string) => value(db, 'SELECT id FROM users WHERE email = ?', email);
      for (const identity of [DEMO_IDENTITIES.admin, DEMO_IDENTITIES.agent, DEMO_IDENTITIES.groupManager]) {
        const groups = value(
          db,
          'SELECT COUNT(*) FROM group_memberships WHERE user_id = ?',
          userId(identity.email),
        );
        expect(groups).toBeGreaterThanOrEqual(2);
      }
      const endUserId = userId(DEMO_IDENTITIES.endUser.email);
      expect(value(db, 'SELECT COUNT(*) FROM organization_memberships WHERE user_id = ?', endUserId)).toBe(2);
      expect(value(db, 'SELECT COUNT(*) FROM group_memberships WHERE user_id = ?', endUserId)).toBe(0);
    }
  });

  it('gives every agent exactly one default group membership, their first', () => {
    for (const scale of SCALES) {
      const db = seededDatabase(scale);
      const staff = value(db, `SELECT COUNT(*) FROM users WHERE role IN ('agent', 'admin')`) as number;
      const perUser = rows(
        db,
        `SELECT m.user_id, SUM(m.is_default) AS defaults, MIN(m.id) AS first_id,
           MAX(CASE WHEN m.is_default = 1 THEN m.id END) AS default_id
         FROM group_memberships m GROUP BY m.user_id`,
      ) as { defaults: number; first_id: number; default_id: number }[];
      expect(perUser).toHaveLength(staff);
      for (const user of perUser) {
        expect(user.defaults).toBe(1);
        expect(user.default_id).toBe(user.first_id);
      }
    }
  });

  it('gives every end user in an organization exactly one default membership, their first', () => {
    for (const scale of SCALES) {
      const db = seededDatabase(scale);
      const perUser = rows(
        db,
        `SELECT SUM(is_default) AS defaults, MIN(id) AS first_id,
           MAX(CASE WHEN is_default = 1 THEN id END) AS default_id
         FROM organization_memberships GROUP BY user_id`,
      ) as { defaults: number; first_id: number; default_id: number }[];
      expect(perUser.length).toBeGreaterThan(0);
      for (const user of perUser) {
        expect(user.defaults).toBe(1);
        expect(user.default_id).toBe(user.first_id);
      }
    }
  });

  it('keeps users.default_group_id and organization_id in step with the default memberships', () => {
    for (const scale of SCALES) {
      const db = seededDatabase(scale);
      for (const { table, target, userColumn } of MEMBERSHIPS) {
        const outOfStep = value(
          db,
          `SELECT COUNT(*) FROM users u WHERE u.${userColumn} IS NOT
             (SELECT m.${target} FROM ${table} m WHERE m.user_id = u.id AND m.is_default = 1)`,
        );
        expect(outOfStep, `${scale}: users.${userColumn}`).toBe(0);
      }
      const endUsersWithoutOrganization = value(
        db,
        `SELECT COUNT(*) FROM users WHERE role = 'end-user' AND organization_id IS NULL`,
      ) as number;
      if (scale === 'demo') expect(endUsersWithoutOrganization).toBeGreaterThan(0);
    }
  });

  it('never puts an end user in a group', () => {
    for (const scale of SCALES) {
      const db = seededDatabase(scale);
      const endUsersInGroups = value(
        db,
        `SELECT COUNT(*) FROM group_memberships m JOIN users u ON u.id = m.user_id WHERE u.role = 'end-user'`,
      );
      expect(endUsersInGroups).toBe(0);
    }
  });

  it('puts exactly 1,000 members in the Overflow Queue group', () => {
    const db = seededDatabase('demo');
    const members = rows(
      db,
      `SELECT u.role, COUNT(*) AS count FROM group_memberships m
       JOIN groups g ON g.id = m.group_id JOIN users u ON u.id = m.user_id
       WHERE g.name = ? GROUP BY u.role ORDER BY u.role`,
      OVERFLOW_QUEUE_GROUP_NAME,
    ) as { role: string; count: number }[];
    expect(members.reduce((total, row) => total + row.count, 0)).toBe(1_000);
    expect(members.every((row) => row.role !== 'end-user')).toBe(true);
  });

  it('seeds the demo scale: 60 groups (one default, a few private), 30 organizations, 1,200 staff', () => {
    const db = seededDatabase('demo');
    expect(value(db, 'SELECT COUNT(*) FROM groups')).toBe(60);
    expect(value(db, 'SELECT COUNT(DISTINCT name) FROM groups')).toBe(60);
    expect(value(db, 'SELECT COUNT(*) FROM groups WHERE is_default = 1')).toBe(1);
    expect(value(db, 'SELECT COUNT(*) FROM groups WHERE is_public = 0')).toBeGreaterThanOrEqual(2);
    expect(value(db, `SELECT COUNT(*) FROM groups WHERE description = ''`)).toBe(0);
    expect(value(db, 'SELECT COUNT(*) FROM organizations')).toBe(30);
    const identities = Object.keys(DEMO_IDENTITIES).length;
    expect(value(db, `SELECT COUNT(*) FROM users WHERE role IN ('agent', 'admin')`)).toBe(
      1_200 + identities - 1,
    );
    expect(value(db, `SELECT COUNT(*) FROM users WHERE role = 'end-user'`)).toBe(3_000 + 1);
    expect(value(db, `SELECT COUNT(*) FROM users WHERE role = 'admin'`)).toBe(41);
    expect(value(db, 'SELECT COUNT(*) FROM users WHERE suspended = 1')).toBeGreaterThan(0);
  });

  it('seeds the tiny scale small: 5 groups, 3 organizations, 30 staff and 50 end users', () => {
    const db = seededDatabase('tiny');
    expect(value(db, 'SELECT COUNT(*) FROM groups')).toBe(5);
    expect(value(db, 'SELECT COUNT(*) FROM groups WHERE is_default = 1')).toBe(1);
    expect(value(db, 'SELECT COUNT(*) FROM organizations')).toBe(3);
    expect(value(db, `SELECT COUNT(*) FROM users WHERE role IN ('agent', 'admin')`)).toBe(30 + 3);
    expect(value(db, `SELECT COUNT(*) FROM users WHERE role = 'end-user'`)).toBe(50 + 1);
  });

  it('gives every agent one to five groups, and groups uneven sizes', () => {
    const db = seededDatabase('demo');
    const perUser = rows(db, 'SELECT COUNT(*) AS count FROM group_memberships GROUP BY user_id') as {
      count: number;
    }[];
    expect(Math.min(...perUser.map((row) => row.count))).toBe(1);
    expect(Math.max(...perUser.map((row) => row.count))).toBe(5);
    const sizes = (
      rows(
        db,
        `SELECT COUNT(*) AS count FROM group_memberships m JOIN groups g ON g.id = m.group_id
         WHERE g.name != ? GROUP BY m.group_id`,
        OVERFLOW_QUEUE_GROUP_NAME,
      ) as { count: number }[]
    ).map((row) => row.count);
    expect(Math.max(...sizes)).toBeGreaterThan(10 * Math.min(...sizes));
  });

  it('gives end users zero to three organizations', () => {
    const db = seededDatabase('demo');
    const perUser = rows(
      db,
      `SELECT COUNT(m.id) AS count FROM users u LEFT JOIN organization_memberships m ON m.user_id = u.id
       WHERE u.role = 'end-user' GROUP BY u.id`,
    ) as { count: number }[];
    const counts = new Set(perUser.map((row) => row.count));
    expect([...counts].sort()).toEqual([0, 1, 2, 3]);
  });

  it('keeps ids in each table range and emails unique and lowercase', () => {
    const db = seededDatabase('demo');
    expect(value(db, 'SELECT MIN(id) FROM groups')).toBe(360_000_001);
    expect(value(db, 'SELECT MIN(id) FROM organizations')).toBe(370_000_001);
    expect(value(db, 'SELECT MIN(id) FROM users')).toBe(380_000_001);
    expect(value(db, 'SELECT MIN(id) FROM group_memberships')).toBe(400_000_001);
    expect(value(db, 'SELECT MIN(id) FROM organization_memberships')).toBe(500_000_001);
    expect(value(db, 'SELECT COUNT(*) FROM users WHERE email != lower(email)')).toBe(0);
    expect(value(db, `SELECT COUNT(*) FROM users WHERE email NOT GLOB '*[a-z0-9]@[a-z0-9]*.[a-z]*'`)).toBe(0);
  });

  it('gives organizations unique names and JSON lists of domains and tags', () => {
    const db = seededDatabase('demo');
    const organizations = rows(db, 'SELECT name, domain_names, tags FROM organizations') as {
      name: string;
      domain_names: string;
      tags: string;
    }[];
    expect(new Set(organizations.map((row) => row.name.toLowerCase())).size).toBe(organizations.length);
    for (const organization of organizations) {
      const domains = JSON.parse(organization.domain_names) as string[];
      expect(domains.length).toBeGreaterThanOrEqual(1);
      expect(domains.length).toBeLessThanOrEqual(2);
      expect(Array.isArray(JSON.parse(organization.tags))).toBe(true);
    }
  });

  it('stores Zendesk timestamps inside the seed window, memberships no older than their user', () => {
    const db = seededDatabase('demo');
    for (const table of TABLES.filter((name) => !['api_tokens', 'custom_roles'].includes(name))) {
      const badFormat = value(
        db,
        `SELECT COUNT(*) FROM ${table} WHERE created_at NOT GLOB ?
           OR updated_at < created_at OR created_at < '2023-01-01' OR updated_at > '2026-07-01'`,
        ZENDESK_TIMESTAMP_GLOB,
      );
      expect(badFormat, table).toBe(0);
    }
    for (const { table } of MEMBERSHIPS) {
      const beforeUser = value(
        db,
        `SELECT COUNT(*) FROM ${table} m JOIN users u ON u.id = m.user_id WHERE m.created_at < u.created_at`,
      );
      expect(beforeUser, table).toBe(0);
    }
  });

  it('is deterministic: two seeds produce identical rows', () => {
    for (const scale of SCALES) {
      const first = seededDatabase(scale);
      const second = freshlySeeded(scale);
      for (const table of TABLES) {
        expect(rows(second, `SELECT * FROM ${table} ORDER BY 1`), `${scale}: ${table}`).toEqual(
          rows(first, `SELECT * FROM ${table} ORDER BY 1`),
        );
      }
      second.close();
    }
  });

  it('produces different people from a different seed', () => {
    const other = freshlySeeded('tiny', 7);
    const emails = (db: SandboxDatabase) => rows(db, 'SELECT email FROM users ORDER BY id');
    expect(emails(other)).not.toEqual(emails(seededDatabase('tiny')));
    other.close();
  });

  it('records the scale and the counts in sandbox_meta', () => {
    const db = seededDatabase('tiny');
    expect(readMeta(db, 'seed_scale')).toBe('tiny');
    expect(readMeta(db, 'seeded_at')).toBeTruthy();
    const counts = JSON.parse(readMeta(db, 'seed_counts') ?? '{}') as Record<string, unknown>;
    expect(counts).toMatchObject({ groups: 5, organizations: 3, users: 84 });
  });

  it('leaves the schema indexes and foreign-key enforcement as they were', () => {
    const fresh = openDatabase(':memory:');
    const indexes = (db: SandboxDatabase) =>
      rows(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`);
    const before = indexes(fresh);
    seedDatabase(fresh, { scale: 'tiny' });
    expect(indexes(fresh)).toEqual(before);
    expect(fresh.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(fresh.pragma('foreign_key_check')).toEqual([]);
    fresh.close();
  });

  it('refuses to seed a database that already has users', () => {
    const db = freshlySeeded('tiny');
    expect(() => seedDatabase(db, { scale: 'tiny' })).toThrow(/already has/);
    db.close();
  });
});
