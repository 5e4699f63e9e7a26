import { plural } from '../../contract/plural.ts';
import type { PlanItem, SkippedEntry, SkipReason, Target } from '../../contract/roster-operations.ts';
import type { NewItem, NewOperation } from '../store/operation-store.ts';

/** A refusal of the request itself (not of one entry): answered as a 4xx with Roster's error body. */
export class OperationInputError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OperationInputError';
  }
}

/** What a planner found: the operation to start and what the review tells the person. */
export type PlanDraft = {
  operation: Omit<NewOperation, 'actor'>;
  /** For a list selector, how many the list holds now (its items come as it is walked). */
  total: number;
  items: PlanItem[];
  skipped: SkippedEntry[];
  warnings: string[];
};

export function planItemOf(item: NewItem): PlanItem {
  return {
    user: item.user,
    target: item.target,
    ...(item.membershipId !== null && { membership_id: item.membershipId }),
    ...(item.wasDefault === true && item.action !== 'make_default' && { removes_default: true }),
    ...(item.action !== null && { action: item.action }),
    ...(item.action === 'add' && item.restoreDefault && { makes_default: true }),
    ...(item.action === 'set_role' && item.role !== null && { role: item.role }),
  };
}

export function skip(entry: string, reason: SkipReason, description: string, line?: number): SkippedEntry {
  return { entry, reason, description, ...(line !== undefined && { line }) };
}

/** "Tier 1 Support", or "6 groups" when there are several. */
export function targetsPhrase(targets: readonly Target[], one: string, other: string): string {
  return targets.length === 1 ? (targets[0]?.name ?? one) : plural(targets.length, one, other);
}

export function newItem(fields: Partial<NewItem> & Pick<NewItem, 'user' | 'target'>): NewItem {
  return {
    membershipId: null,
    wasDefault: null,
    viewTickets: null,
    role: null,
    restoreDefault: false,
    action: null,
    previousDefaultId: null,
    ...fields,
  };
}
