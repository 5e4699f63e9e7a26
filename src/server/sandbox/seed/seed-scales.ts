/** How big a seeded sandbox is, and the landmark records tests and demos look for by name. */
export const SEED_SCALES = ['tiny', 'demo', 'large'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

export function isSeedScale(value: string): value is SeedScale {
  return (SEED_SCALES as readonly string[]).includes(value);
}

/** A demo-scale group with exactly `OVERFLOW_QUEUE_MEMBERS` agents: big enough to need paging. */
export const OVERFLOW_QUEUE_GROUP_NAME = 'Overflow Queue';
export const OVERFLOW_QUEUE_MEMBERS = 1_000;

/** Large scale only. */
export const FOLLOW_THE_SUN_GROUP_NAME = 'Global Follow-the-Sun';
export const FOLLOW_THE_SUN_MEMBERS = 10_000;
export const MEGACORP_ORGANIZATION_NAME = 'Megacorp International';
export const MEGACORP_MEMBERS = 200_000;
export const LARGE_ORGANIZATION_MEMBERSHIPS = 1_000_000;

export interface ScalePlan {
  /** Taken from the start of `GROUP_NAMES`; the first is the account default. */
  regularGroups: number;
  organizations: number;
  admins: number;
  groupManagers: number;
  lightAgents: number;
  agents: number;
  endUsers: number;
  overflowQueue: boolean;
  /** The follow-the-sun group, Megacorp and enough end users to reach a million org memberships. */
  large: { extraOrganizations: number; extraEndUsers: number } | null;
}

const DEMO_PLAN: ScalePlan = {
  regularGroups: 59,
  organizations: 30,
  admins: 40,
  groupManagers: 15,
  lightAgents: 10,
  // 1,200 staff in all, so that the Overflow Queue can hold 1,000 of them.
  agents: 1_135,
  endUsers: 3_000,
  overflowQueue: true,
  large: null,
};

export const SCALE_PLANS: Record<SeedScale, ScalePlan> = {
  tiny: {
    regularGroups: 5,
    organizations: 3,
    admins: 3,
    groupManagers: 2,
    lightAgents: 1,
    agents: 24,
    endUsers: 50,
    overflowQueue: false,
    large: null,
  },
  demo: DEMO_PLAN,
  large: { ...DEMO_PLAN, large: { extraOrganizations: 300, extraEndUsers: 250_000 } },
};
