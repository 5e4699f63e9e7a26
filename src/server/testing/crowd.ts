import type { SandboxDatabase } from '../sandbox/db/open-database.ts';

/**
 * Adds `count` agents, each in `groupsEach` groups, and as many end users, each in one organization,
 * straight into a seeded database: lists long enough to page through. Timestamps repeat (every
 * value is shared by a few rows) and run against id order, so sorted walks must break ties by id.
 */
export function addCrowd(db: SandboxDatabase, count: number, groupsEach = 1): void {
  const groupIds = db
    .prepare('SELECT id FROM groups WHERE deleted = 0 ORDER BY id')
    .pluck()
    .all() as number[];
  const organizationIds = db.prepare('SELECT id FROM organizations ORDER BY id').pluck().all() as number[];
  const insertUser = db.prepare(
    `INSERT INTO users (name, email, role, default_group_id, organization_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  );
  const insertGroupMembership = db.prepare(
    `INSERT INTO group_memberships (user_id, group_id, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertOrganizationMembership = db.prepare(
    `INSERT INTO organization_memberships (user_id, organization_id, is_default, created_at, updated_at)
     VALUES (?, ?, 1, ?, ?)`,
  );
  const stamp = (minute: number) =>
    new Date(Date.UTC(2024, 5, 1, 0, minute)).toISOString().replace('.000Z', 'Z');
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const created = stamp((count - index) % 97);
      const updated = stamp((index * 31) % 89);
      const mine = Array.from(
        { length: groupsEach },
        (_, k) => groupIds[(index + k) % groupIds.length] as number,
      );
      const agentId = Number(
        insertUser.run(`Crowd Agent ${index}`, `crowd.agent${index}@example.test`, 'agent', mine[0], null)
          .lastInsertRowid,
      );
      mine.forEach((groupId, k) => {
        insertGroupMembership.run(agentId, groupId, k === 0 ? 1 : 0, created, updated);
      });
      const organizationId = organizationIds[index % organizationIds.length] as number;
      const endUserId = Number(
        insertUser.run(
          `Crowd Customer ${index}`,
          `crowd.customer${index}@example.test`,
          'end-user',
          null,
          organizationId,
        ).lastInsertRowid,
      );
      insertOrganizationMembership.run(endUserId, organizationId, created, updated);
    }
  })();
}
