import { type BoxSeedSummary, seedBox } from '../box/seed/seed-box.ts';
import { type SandboxDatabase, writeMeta } from '../db/open-database.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES, GROUP_MANAGER_ROLE_NAME } from '../demo-identities.ts';
import { PERSONAL_EMAIL_DOMAINS, STAFF_EMAIL_DOMAIN, TIME_ZONES } from './demo-names.ts';
import { withFastBulkWrites } from './fast-bulk-writes.ts';
import { MINUTE, SEED_WINDOW_END, spreadMoment, utcSeconds } from './seed-clock.ts';
import { insertGroups, type SeededGroups } from './seed-groups.ts';
import { insertOrganizations, type SeededOrganizations } from './seed-organizations.ts';
import {
  createNameMaker,
  createPeopleWriter,
  type NameMaker,
  type PeopleWriter,
  type Role,
} from './seed-people.ts';
import {
  FOLLOW_THE_SUN_MEMBERS,
  LARGE_ORGANIZATION_MEMBERSHIPS,
  MEGACORP_MEMBERS,
  OVERFLOW_QUEUE_MEMBERS,
  SCALE_PLANS,
  type ScalePlan,
  type SeedScale,
} from './seed-scales.ts';
import { createSeededRandom, cumulative, hashString, type SeededRandom } from './seeded-random.ts';

export interface SeedOptions {
  scale: SeedScale;
  /** Same seed, same rows. */
  seed?: number;
}

export interface SeedSummary extends BoxSeedSummary {
  scale: SeedScale;
  customRoles: number;
  groups: number;
  organizations: number;
  users: number;
  groupMemberships: number;
  organizationMemberships: number;
  apiTokens: number;
}

export const DEFAULT_SEED = 20_230_101;
export const LIGHT_AGENT_ROLE_NAME = 'Light agent';

/** Users per transaction: big enough to amortise commits, small enough to keep the WAL modest. */
const USERS_PER_TRANSACTION = 25_000;

/** Each seeding step draws from its own stream, so adding a step never changes another's rows. */
export function seedStreams(seed: number = DEFAULT_SEED): (step: string) => SeededRandom {
  return (step) => createSeededRandom(hashString(`${seed}:${step}`));
}

/**
 * Fills an empty sandbox database. The demo scale is a prefix of the large one: every
 * step draws from its own random stream, so the demo rows come out the same whatever follows them.
 */
export function seedDatabase(db: SandboxDatabase, options: SeedOptions): SeedSummary {
  const plan = SCALE_PLANS[options.scale];
  const seed = options.seed ?? DEFAULT_SEED;
  const streamFor = seedStreams(seed);
  const existing = db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
  if (existing > 0) throw new Error(`The sandbox database already has ${existing} users`);

  withFastBulkWrites(db, () => {
    const { groupManagerRoleId, lightAgentRoleId } = db.transaction(() => insertAccount(db))();
    const [groups, organizations] = db.transaction(() => {
      const seededGroups = insertGroups(db, plan, streamFor('groups'));
      return [seededGroups, insertOrganizations(db, plan, seededGroups, streamFor('organizations'))] as const;
    })();
    const targetCreatedAt = new Map([...groups.createdAt, ...organizations.createdAt]);
    const writer = createPeopleWriter(db, targetCreatedAt, streamFor('memberships'));
    const names = createNameMaker(streamFor('names'));
    const context: SeedContext = { db, plan, groups, organizations, writer, names };

    db.transaction(() => insertDemoIdentities(context, groupManagerRoleId))();
    insertStaff(context, streamFor('staff'), groupManagerRoleId, lightAgentRoleId);
    insertEndUsers(context, streamFor('end-users'));
    if (plan.large) {
      insertFollowTheSunAgents(context, streamFor('follow-the-sun'));
      insertMegacorpEra(context, plan.large.extraEndUsers, streamFor('megacorp'));
    }
  });
  const box = seedBox(db, options.scale, streamFor);

  const summary = { ...summarize(db, options.scale), ...box };
  writeMeta(db, 'seed_scale', options.scale);
  writeMeta(db, 'seed', String(seed));
  writeMeta(db, 'seed_counts', JSON.stringify(summary));
  writeMeta(db, 'seeded_at', new Date().toISOString());
  // Written last: a start-up that finds users but not this knows the seed was cut off.
  writeMeta(db, 'seed_complete', '1');
  return summary;
}

interface SeedContext {
  db: SandboxDatabase;
  plan: ScalePlan;
  groups: SeededGroups;
  organizations: SeededOrganizations;
  writer: PeopleWriter;
  names: NameMaker;
}

function insertAccount(db: SandboxDatabase): { groupManagerRoleId: number; lightAgentRoleId: number } {
  db.prepare('INSERT INTO api_tokens (token, description, active) VALUES (?, ?, 1)').run(
    DEMO_API_TOKEN,
    'Demo token for every seeded identity',
  );
  const insertRole = db.prepare('INSERT INTO custom_roles (name, manage_group_memberships) VALUES (?, ?)');
  return {
    groupManagerRoleId: Number(insertRole.run(GROUP_MANAGER_ROLE_NAME, 1).lastInsertRowid),
    lightAgentRoleId: Number(insertRole.run(LIGHT_AGENT_ROLE_NAME, 0).lastInsertRowid),
  };
}

/** Fixed memberships (by position among the regular groups and demo organizations) that tests can name. */
function insertDemoIdentities({ groups, organizations, writer }: SeedContext, groupManagerRoleId: number) {
  const groupAt = (...positions: number[]) =>
    positions.map((position) => groups.regularIds[position] as number);
  const joined = utcSeconds(2023, 1, 2);
  const person = (identity: (typeof DEMO_IDENTITIES)[keyof typeof DEMO_IDENTITIES], minutes: number) => ({
    name: identity.name,
    email: identity.email,
    role: identity.role,
    customRoleId: identity.customRole ? groupManagerRoleId : null,
    suspended: false,
    timeZone: 'UTC',
    createdAt: joined + minutes * MINUTE,
  });
  writer.staff(person(DEMO_IDENTITIES.admin, 0), groupAt(0, 2, 3));
  writer.staff(person(DEMO_IDENTITIES.agent, 10), groupAt(0, 1));
  writer.staff(person(DEMO_IDENTITIES.groupManager, 20), groupAt(1, 2, 4));
  writer.endUser(person(DEMO_IDENTITIES.endUser, 30), organizations.demoIds.slice(0, 2));
}

function insertStaff(
  { db, plan, groups, writer, names }: SeedContext,
  random: SeededRandom,
  groupManagerRoleId: number,
  lightAgentRoleId: number,
) {
  type StaffKind = 'admin' | 'group-manager' | 'light-agent' | 'agent';
  const kinds = random.shuffle<StaffKind>([
    ...Array<StaffKind>(plan.admins).fill('admin'),
    ...Array<StaffKind>(plan.groupManagers).fill('group-manager'),
    ...Array<StaffKind>(plan.lightAgents).fill('light-agent'),
    ...Array<StaffKind>(plan.agents).fill('agent'),
  ]);
  const overflow = groups.overflowQueueId;
  const overflowPicks = selectionSampler(
    overflow === null ? 0 : OVERFLOW_QUEUE_MEMBERS,
    kinds.length,
    random,
  );
  const groupCounts = cumulative([25, 30, 22, 14, 9]);

  inTransactions(db, kinds.length, (index) => {
    const kind = kinds[index] as StaffKind;
    const groupIds = pickDistinct(
      groups.regularIds,
      groups.popularity,
      random.weightedIndex(groupCounts) + 1,
      random,
    );
    if (overflow !== null && overflowPicks()) {
      // The queue is an extra duty: it only becomes the default when it happens to be joined first.
      if (groupIds.length === 5) groupIds[random.int(0, 4)] = overflow;
      else groupIds.splice(random.int(0, groupIds.length), 0, overflow);
    }
    writer.staff(
      {
        ...names.next(STAFF_EMAIL_DOMAIN),
        role: kind === 'admin' ? 'admin' : 'agent',
        customRoleId:
          kind === 'group-manager' ? groupManagerRoleId : kind === 'light-agent' ? lightAgentRoleId : null,
        suspended: random.chance(0.01),
        timeZone: random.pick(TIME_ZONES),
        createdAt: spreadMoment(utcSeconds(2023, 1, 3), SEED_WINDOW_END, index, kinds.length, random),
      },
      groupIds,
    );
  });
}

function insertEndUsers({ db, plan, organizations, writer, names }: SeedContext, random: SeededRandom) {
  const membershipCounts = cumulative([20, 50, 20, 10]);
  inTransactions(db, plan.endUsers, (index) => {
    const organizationIds = pickDistinct(
      organizations.demoIds,
      organizations.demoPopularity,
      random.weightedIndex(membershipCounts),
      random,
    );
    writer.endUser(
      endUser(
        names,
        organizations,
        organizationIds,
        random,
        spreadMoment(utcSeconds(2023, 2, 1), SEED_WINDOW_END, index, plan.endUsers, random),
      ),
      organizationIds,
    );
  });
}

function insertFollowTheSunAgents({ db, groups, writer, names }: SeedContext, random: SeededRandom) {
  const followTheSun = groups.followTheSunId as number;
  const otherGroupCounts = cumulative([50, 35, 15]);
  inTransactions(db, FOLLOW_THE_SUN_MEMBERS, (index) => {
    const groupIds = pickDistinct(
      groups.regularIds,
      groups.popularity,
      random.weightedIndex(otherGroupCounts),
      random,
    );
    // Hired into the follow-the-sun rota, so it is usually their first (default) group.
    groupIds.splice(random.chance(0.8) ? 0 : random.int(0, groupIds.length), 0, followTheSun);
    writer.staff(
      {
        ...names.next(STAFF_EMAIL_DOMAIN),
        role: 'agent',
        customRoleId: null,
        suspended: random.chance(0.01),
        timeZone: random.pick(TIME_ZONES),
        createdAt: spreadMoment(
          utcSeconds(2025, 1, 15),
          SEED_WINDOW_END,
          index,
          FOLLOW_THE_SUN_MEMBERS,
          random,
        ),
      },
      groupIds,
    );
  });
}

/**
 * The large scale's customers: Megacorp's 200,000 employees among 250,000 new end users, with
 * membership counts nudged so that the table ends at exactly one million rows.
 */
function insertMegacorpEra(
  { db, organizations, writer, names }: SeedContext,
  userCount: number,
  random: SeededRandom,
) {
  const megacorp = organizations.megacorpId as number;
  const wanted = LARGE_ORGANIZATION_MEMBERSHIPS - writer.counts.organizationMemberships;
  const maxPerUser = 6;
  const perUser = new Uint8Array(userCount);
  const countWeights = cumulative([5, 10, 20, 30, 20, 15]);
  let total = 0;
  for (let index = 0; index < userCount; index++) {
    perUser[index] = random.weightedIndex(countWeights) + 1;
    total += perUser[index] as number;
  }
  if (wanted < userCount || wanted > userCount * maxPerUser) {
    throw new Error(`Cannot spread ${wanted} organization memberships over ${userCount} users`);
  }
  while (total !== wanted) {
    const index = random.int(0, userCount - 1);
    const count = perUser[index] as number;
    if (total < wanted && count < maxPerUser) {
      perUser[index] = count + 1;
      total++;
    } else if (total > wanted && count > 1) {
      perUser[index] = count - 1;
      total--;
    }
  }

  const joinsMegacorp = selectionSampler(MEGACORP_MEMBERS, userCount, random);
  inTransactions(db, userCount, (index) => {
    const count = perUser[index] as number;
    const member = joinsMegacorp();
    const organizationIds = pickDistinct(
      organizations.extraIds,
      organizations.extraPopularity,
      member ? count - 1 : count,
      random,
    );
    // Their employer is usually the organization they were first added to.
    if (member)
      organizationIds.splice(random.chance(0.7) ? 0 : random.int(0, organizationIds.length), 0, megacorp);
    writer.endUser(
      endUser(
        names,
        organizations,
        organizationIds,
        random,
        spreadMoment(utcSeconds(2024, 1, 1), SEED_WINDOW_END, index, userCount, random),
      ),
      organizationIds,
    );
  });
}

/** Most customers write from their default organization's domain, the rest from personal mailboxes. */
function endUser(
  names: NameMaker,
  organizations: SeededOrganizations,
  organizationIds: readonly number[],
  random: SeededRandom,
  createdAt: number,
) {
  const first = organizationIds[0];
  const domain =
    first !== undefined && random.chance(0.85)
      ? (organizations.emailDomain.get(first) as string)
      : random.pick(PERSONAL_EMAIL_DOMAINS);
  return {
    ...names.next(domain),
    role: 'end-user' as Role,
    customRoleId: null,
    suspended: random.chance(0.005),
    timeZone: random.pick(TIME_ZONES),
    createdAt,
  };
}

/** `count` distinct ids, each drawn by popularity. Callers ask for far fewer than there are ids. */
function pickDistinct(
  ids: readonly number[],
  popularity: readonly number[],
  count: number,
  random: SeededRandom,
): number[] {
  const wanted = Math.min(count, ids.length);
  const picked: number[] = [];
  while (picked.length < wanted) {
    const id = ids[random.weightedIndex(popularity)] as number;
    if (!picked.includes(id)) picked.push(id);
  }
  return picked;
}

/** Selection sampling (Knuth's algorithm S): asked for each of `total` items, says yes `wanted` times. */
function selectionSampler(wanted: number, total: number, random: SeededRandom): () => boolean {
  let needed = wanted;
  let left = total;
  return () => {
    const chosen = random.next() * left < needed;
    left--;
    if (chosen) needed--;
    return chosen;
  };
}

function inTransactions(db: SandboxDatabase, count: number, write: (index: number) => void): void {
  const chunk = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) write(index);
  });
  for (let from = 0; from < count; from += USERS_PER_TRANSACTION) {
    chunk(from, Math.min(from + USERS_PER_TRANSACTION, count));
  }
}

function summarize(db: SandboxDatabase, scale: SeedScale): Omit<SeedSummary, keyof BoxSeedSummary> {
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return {
    scale,
    customRoles: count('custom_roles'),
    groups: count('groups'),
    organizations: count('organizations'),
    users: count('users'),
    groupMemberships: count('group_memberships'),
    organizationMemberships: count('organization_memberships'),
    apiTokens: count('api_tokens'),
  };
}
