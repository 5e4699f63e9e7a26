import { toBoxTimestamp } from '../../../../contract/box/box-timestamp.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import { SEED_WINDOW_END, spreadMoment, utcSeconds } from '../../seed/seed-clock.ts';
import { createNameMaker } from '../../seed/seed-people.ts';
import type { SeedScale } from '../../seed/seed-scales.ts';
import { cumulative, type SeededRandom } from '../../seed/seeded-random.ts';
import { BOX_DEMO_IDENTITIES } from '../box-demo-identities.ts';
import {
  BOX_GROUP_NAMES,
  BOX_LARGE_GROUP_MEMBERS,
  BOX_LARGE_GROUP_NAME,
  BOX_USER_DOMAIN,
} from './box-group-names.ts';

const BOX_PLANS: Record<SeedScale, { groups: number; users: number; largeGroup: boolean }> = {
  tiny: { groups: 5, users: 30, largeGroup: false },
  demo: { groups: 40, users: 800, largeGroup: false },
  large: { groups: 40, users: 800, largeGroup: true },
};

const LEVELS = ['admins_only', 'admins_and_members', 'all_managed_users'] as const;
/** The levels of the first three groups, where the demo identities' rights differ. */
const FIRST_LEVELS = ['admins_and_members', 'admins_only', 'all_managed_users'] as const;

export type BoxSeedSummary = { boxUsers: number; boxGroups: number; boxGroupMemberships: number };

const at = (seconds: number) => toBoxTimestamp(new Date(seconds * 1000));

/**
 * Box's demo data: groups, users in one to four of them (about one membership in twenty an
 * admin's) and the demo identities with fixed memberships tests can name. `streamFor` gives each
 * step its own random stream, as the Zendesk seed does.
 */
export function seedBox(
  db: SandboxDatabase,
  scale: SeedScale,
  streamFor: (step: string) => SeededRandom,
): BoxSeedSummary {
  const plan = BOX_PLANS[scale];
  const random = streamFor('box');
  const insertUser = db.prepare(
    'INSERT INTO box_users (name, login, role, status, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertGroup = db.prepare(
    `INSERT INTO box_groups (name, description, provenance, invitability_level, member_viewability_level, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMembership = db.prepare(
    `INSERT OR IGNORE INTO box_group_memberships (user_id, group_id, role, configurable_permissions, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const join = (userId: number, groupId: number, role: 'member' | 'admin', seconds: number) => {
    const permissions =
      role === 'admin'
        ? JSON.stringify({
            can_run_reports: random.chance(0.5),
            can_instant_login: random.chance(0.2),
            can_create_accounts: random.chance(0.3),
            can_edit_accounts: random.chance(0.4),
          })
        : null;
    insertMembership.run(userId, groupId, role, permissions, at(seconds), at(seconds));
  };

  db.transaction(() => {
    const groupIds = BOX_GROUP_NAMES.slice(0, plan.groups).map((name, index) => {
      const created = utcSeconds(2022, 6, 1) + index * 86_400;
      // The demo identities' first three groups have one viewability level each.
      const level = FIRST_LEVELS[index] ?? random.pick(LEVELS);
      return Number(
        insertGroup.run(
          name,
          `Everyone in ${name}`,
          index % 7 === 3 ? 'Okta' : null,
          random.pick(LEVELS),
          level,
          at(created),
          at(created),
        ).lastInsertRowid,
      );
    });
    const groupAt = (position: number) => groupIds[position] as number;

    const joined = utcSeconds(2022, 12, 1);
    const demo = Object.fromEntries(
      Object.entries(BOX_DEMO_IDENTITIES).map(([key, identity]) => {
        const id = Number(
          insertUser.run(identity.name, identity.login, identity.role, 'active', at(joined), at(joined))
            .lastInsertRowid,
        );
        db.prepare('INSERT INTO box_tokens (token, user_id) VALUES (?, ?)').run(identity.token, id);
        return [key, id];
      }),
    ) as Record<keyof typeof BOX_DEMO_IDENTITIES, number>;
    join(demo.admin, groupAt(0), 'admin', joined);
    join(demo.groupAdmin, groupAt(1), 'admin', joined);
    join(demo.groupAdmin, groupAt(2), 'admin', joined);
    join(demo.groupAdmin, groupAt(3), 'member', joined);
    join(demo.member, groupAt(0), 'member', joined);
    join(demo.member, groupAt(1), 'member', joined);

    const names = createNameMaker(streamFor('box-names'));
    const groupCounts = cumulative([30, 35, 25, 10]);
    const regular = plan.users - Object.keys(demo).length;
    for (let index = 0; index < regular; index++) {
      const created = spreadMoment(utcSeconds(2023, 1, 1), SEED_WINDOW_END, index, regular, random);
      const person = names.next(BOX_USER_DOMAIN);
      const role = index % 100 === 0 ? 'coadmin' : 'user';
      const id = Number(
        insertUser.run(person.name, person.email, role, 'active', at(created), at(created)).lastInsertRowid,
      );
      for (const groupId of random.sample(groupIds, random.weightedIndex(groupCounts) + 1)) {
        join(id, groupId, random.chance(0.05) ? 'admin' : 'member', created);
      }
    }
  })();

  if (plan.largeGroup) {
    db.transaction(() => {
      const created = utcSeconds(2025, 1, 1);
      const groupId = Number(
        insertGroup.run(
          BOX_LARGE_GROUP_NAME,
          'Every contractor with a Box account',
          'Okta',
          'admins_only',
          'admins_only',
          at(created),
          at(created),
        ).lastInsertRowid,
      );
      const names = createNameMaker(streamFor('box-contractors'), 100_000);
      for (let index = 0; index < BOX_LARGE_GROUP_MEMBERS; index++) {
        const person = names.next(`contractors.${BOX_USER_DOMAIN}`);
        const id = Number(
          insertUser.run(person.name, person.email, 'user', 'active', at(created), at(created))
            .lastInsertRowid,
        );
        join(id, groupId, 'member', created + index);
      }
    })();
  }

  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    boxUsers: count('box_users'),
    boxGroups: count('box_groups'),
    boxGroupMemberships: count('box_group_memberships'),
  };
}
