import type { SandboxDatabase } from '../db/open-database.ts';
import { GROUP_NAMES } from './demo-names.ts';
import { DAY, formatTimestamp, HOUR, shortlyAfter, spreadMoment, utcSeconds } from './seed-clock.ts';
import { FOLLOW_THE_SUN_GROUP_NAME, OVERFLOW_QUEUE_GROUP_NAME, type ScalePlan } from './seed-scales.ts';
import { cumulative, type SeededRandom } from './seeded-random.ts';

export interface SeededGroups {
  /** The regular groups in id order; the first is the account default. */
  regularIds: number[];
  /** Cumulative weights over `regularIds`: a few big groups and a long tail of small ones. */
  popularity: number[];
  overflowQueueId: number | null;
  followTheSunId: number | null;
  createdAt: Map<number, number>;
}

export function insertGroups(db: SandboxDatabase, plan: ScalePlan, random: SeededRandom): SeededGroups {
  if (plan.regularGroups > GROUP_NAMES.length) {
    throw new Error(`Only ${GROUP_NAMES.length} group names are available`);
  }
  const insert = db.prepare(
    `INSERT INTO groups (name, description, is_default, is_public, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const createdAt = new Map<number, number>();
  const add = (name: string, description: string, isDefault: boolean, isPublic: boolean, at: number) => {
    const updatedAt = random.chance(0.3) ? shortlyAfter(at, 400 * DAY, random) : at;
    const id = Number(
      insert.run(
        name,
        description,
        isDefault ? 1 : 0,
        isPublic ? 1 : 0,
        formatTimestamp(at),
        formatTimestamp(updatedAt),
      ).lastInsertRowid,
    );
    createdAt.set(id, at);
    return id;
  };

  const regular = GROUP_NAMES.slice(0, plan.regularGroups);
  const regularIds = regular.map((group, index) =>
    add(
      group.name,
      group.description,
      index === 0,
      group.isPublic,
      spreadMoment(utcSeconds(2023, 1, 1), utcSeconds(2023, 6, 30), index, regular.length, random),
    ),
  );

  // The default group stays the biggest; the rest get shuffled ranks. Private groups are kept
  // small, as invitation-only groups are.
  const ranks = [0, ...random.shuffle(regular.slice(1).map((_, index) => index + 1))];
  const weights = regular.map((group, index) => {
    const weight = 1 / ((ranks[index] as number) + 1);
    return group.isPublic ? weight : weight * 0.15;
  });

  const overflowQueueId = plan.overflowQueue
    ? add(
        OVERFLOW_QUEUE_GROUP_NAME,
        'Spill-over queue staffed by a thousand agents during launches.',
        false,
        true,
        utcSeconds(2024, 3, 1) + 9 * HOUR,
      )
    : null;
  const followTheSunId = plan.large
    ? add(
        FOLLOW_THE_SUN_GROUP_NAME,
        'Round-the-clock queue handed between regions as the working day moves west.',
        false,
        true,
        utcSeconds(2025, 1, 10),
      )
    : null;

  return { regularIds, popularity: cumulative(weights), overflowQueueId, followTheSunId, createdAt };
}
