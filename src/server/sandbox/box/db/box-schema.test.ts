import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';

describe('the Box sandbox schema', () => {
  it("reads a group's members in id order from an index instead of sorting the group", () => {
    const db = openDatabase(':memory:');
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM box_group_memberships m WHERE m.group_id = ? ORDER BY m.id LIMIT ? OFFSET ?',
      )
      .all(1, 100, 0) as { detail: string }[];
    const steps = plan.map((step) => step.detail).join('\n');
    expect(steps).toContain('USING INDEX box_group_memberships_by_group');
    expect(steps).not.toContain('TEMP B-TREE');
    db.close();
  });
});
