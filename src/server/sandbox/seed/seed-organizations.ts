import type { SandboxDatabase } from '../db/open-database.ts';
import {
  ORGANIZATION_DETAILS,
  ORGANIZATION_INDUSTRIES,
  ORGANIZATION_LEGAL_FORMS,
  ORGANIZATION_NOTES,
  ORGANIZATION_PREFIXES,
  ORGANIZATION_TAGS,
  ORGANIZATION_TLDS,
  slugify,
} from './demo-names.ts';
import { DAY, formatTimestamp, shortlyAfter, spreadMoment, utcSeconds } from './seed-clock.ts';
import type { SeededGroups } from './seed-groups.ts';
import { MEGACORP_ORGANIZATION_NAME, type ScalePlan } from './seed-scales.ts';
import { cumulative, type SeededRandom } from './seeded-random.ts';

export interface SeededOrganizations {
  demoIds: number[];
  /** Cumulative weights over `demoIds`: a few big customers and many small ones. */
  demoPopularity: number[];
  megacorpId: number | null;
  extraIds: number[];
  extraPopularity: number[];
  createdAt: Map<number, number>;
  /** The domain its people's email addresses use. */
  emailDomain: Map<number, string>;
}

interface OrganizationRow {
  name: string;
  domains: string[];
  tags: string[];
  details: string | null;
  notes: string | null;
  externalId: string | null;
  groupId: number | null;
  sharedTickets: boolean;
  sharedComments: boolean;
  createdAt: number;
}

export function insertOrganizations(
  db: SandboxDatabase,
  plan: ScalePlan,
  groups: SeededGroups,
  random: SeededRandom,
): SeededOrganizations {
  const insert = db.prepare(
    `INSERT INTO organizations (name, details, notes, domain_names, external_id, group_id, shared_tickets,
       shared_comments, tags, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const createdAt = new Map<number, number>();
  const emailDomain = new Map<number, string>();
  const add = (row: OrganizationRow): number => {
    const updatedAt = random.chance(0.4) ? shortlyAfter(row.createdAt, 300 * DAY, random) : row.createdAt;
    const id = Number(
      insert.run(
        row.name,
        row.details,
        row.notes,
        JSON.stringify(row.domains),
        row.externalId,
        row.groupId,
        row.sharedTickets ? 1 : 0,
        row.sharedComments ? 1 : 0,
        JSON.stringify(row.tags),
        formatTimestamp(row.createdAt),
        formatTimestamp(updatedAt),
      ).lastInsertRowid,
    );
    createdAt.set(id, row.createdAt);
    emailDomain.set(id, row.domains[0] as string);
    return id;
  };

  const names = createNameMaker(random);
  const generated = (count: number, from: number, to: number, firstNumber: number): number[] =>
    Array.from({ length: count }, (_, index) => {
      const sharedTickets = random.chance(0.3);
      return add({
        ...names.next(),
        tags: random.sample(ORGANIZATION_TAGS, random.int(0, 3)),
        details: random.chance(0.6) ? random.pick(ORGANIZATION_DETAILS) : null,
        notes: random.chance(0.4) ? random.pick(ORGANIZATION_NOTES) : null,
        externalId: random.chance(0.5) ? `crm-${firstNumber + index}` : null,
        groupId: random.chance(0.3) ? random.pick(groups.regularIds) : null,
        sharedTickets,
        sharedComments: sharedTickets && random.chance(0.5),
        createdAt: spreadMoment(from, to, index, count, random),
      });
    });

  const demoIds = generated(plan.organizations, utcSeconds(2023, 1, 1), utcSeconds(2025, 12, 31), 100_001);
  // Drawn before anything large-scale, so the demo rows stay the same at every scale.
  const demoPopularity = skewedPopularity(demoIds.length, random);
  let megacorpId: number | null = null;
  let extraIds: number[] = [];
  if (plan.large) {
    megacorpId = add({
      name: MEGACORP_ORGANIZATION_NAME,
      domains: ['megacorp.com', 'megacorp-international.com'],
      tags: ['enterprise', 'priority', 'sso'],
      details: 'Global enterprise agreement covering every subsidiary.',
      notes: 'Employees sign in through SSO; HR syncs them in nightly.',
      externalId: 'crm-000001',
      groupId: groups.regularIds[0] ?? null,
      sharedTickets: true,
      sharedComments: true,
      createdAt: utcSeconds(2023, 11, 1),
    });
    extraIds = generated(
      plan.large.extraOrganizations,
      utcSeconds(2023, 6, 1),
      utcSeconds(2026, 3, 31),
      200_001,
    );
  }

  return {
    demoIds,
    demoPopularity,
    megacorpId,
    extraIds,
    extraPopularity: skewedPopularity(extraIds.length, random),
    createdAt,
    emailDomain,
  };
}

/** Company names that never repeat (the column is unique, case-insensitively), with matching domains. */
function createNameMaker(random: SeededRandom): { next(): { name: string; domains: string[] } } {
  const used = new Set<string>();
  const usedDomains = new Set<string>();
  const capacity = ORGANIZATION_PREFIXES.length * ORGANIZATION_INDUSTRIES.length;
  return {
    next() {
      if (used.size >= capacity) throw new Error('Ran out of organization names');
      for (;;) {
        const prefix = random.pick(ORGANIZATION_PREFIXES);
        const industry = random.pick(ORGANIZATION_INDUSTRIES);
        const base = `${prefix} ${industry}`;
        if (used.has(base)) continue;
        used.add(base);
        const legalForm = random.pick(ORGANIZATION_LEGAL_FORMS);
        // Zendesk maps an email domain to one organization, so no domain is shared.
        const domains = [`${slugify(base)}.${random.pick(ORGANIZATION_TLDS)}`];
        const alias = `${slugify(prefix)}.${random.pick(ORGANIZATION_TLDS)}`;
        if (random.chance(0.35) && !usedDomains.has(alias)) domains.push(alias);
        for (const domain of domains) usedDomains.add(domain);
        return { name: legalForm ? `${base} ${legalForm}` : base, domains };
      }
    },
  };
}

/** Zipf-like weights in shuffled order, so big and small organizations sit anywhere in the id range. */
function skewedPopularity(count: number, random: SeededRandom): number[] {
  const ranks = random.shuffle(Array.from({ length: count }, (_, index) => index));
  return cumulative(ranks.map((rank) => 1 / (rank + 1) ** 0.9));
}
