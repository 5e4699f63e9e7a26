import Database from 'better-sqlite3';

export type Landmark = { id: number; name: string; members: number };

/** The records the measurements use, found by size so the same code runs on the tiny and the large seed. */
export type Dataset = {
  /** The group with the most members: "Global Follow-the-Sun" (10,000) at large scale. */
  bigGroup: Landmark;
  /** The organization with the most members: "Megacorp International" (200,000) at large scale. */
  bigOrganization: Landmark;
  /** The group with the fewest members, and agents who are not in it, to add through the dialog. */
  addTarget: Landmark & { agentIds: number[] };
  /** Rows in organization_memberships (1,000,000 at large scale). */
  organizationMemberships: number;
};

const LARGEST = 'ORDER BY members DESC, id LIMIT 1';

/** Reads the landmarks straight from the database file; the server is measured only through its API. */
export function readDataset(databaseFile: string, agentsToAdd: number): Dataset {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const groups = `SELECT g.id, g.name, (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id) AS members
      FROM groups g WHERE g.deleted = 0`;
    const bigGroup = db.prepare(`${groups} ${LARGEST}`).get() as Landmark;
    const smallGroup = db.prepare(`${groups} ORDER BY members, id LIMIT 1`).get() as Landmark;
    const bigOrganization = db
      .prepare(
        `SELECT o.id, o.name, (SELECT count(*) FROM organization_memberships m WHERE m.organization_id = o.id) AS members
         FROM organizations o ${LARGEST}`,
      )
      .get() as Landmark;
    // The demo identities stay out, as in the browser tests: their memberships are what people look at.
    const agentIds = db
      .prepare(
        `SELECT id FROM users WHERE role IN ('agent', 'admin') AND email NOT LIKE '%@roster.example'
           AND id NOT IN (SELECT user_id FROM group_memberships WHERE group_id = ?)
         ORDER BY id LIMIT ?`,
      )
      .pluck()
      .all(smallGroup.id, agentsToAdd) as number[];
    const organizationMemberships = db
      .prepare('SELECT count(*) FROM organization_memberships')
      .pluck()
      .get() as number;
    return { bigGroup, bigOrganization, addTarget: { ...smallGroup, agentIds }, organizationMemberships };
  } finally {
    db.close();
  }
}

/** The id of the row at `offset` (0-based) of organization_memberships in id order. */
export function organizationMembershipIdAt(databaseFile: string, offset: number): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db
      .prepare('SELECT id FROM organization_memberships ORDER BY id LIMIT 1 OFFSET ?')
      .pluck()
      .get(offset) as number;
  } finally {
    db.close();
  }
}
