import type { Summary } from './stats.ts';

export type Unit =
  | 'kB'
  | 'ms'
  | 'MB'
  | 'requests'
  | 'rows'
  | 'cells'
  | 'tasks'
  | 'frames'
  | '×'
  | 'req/s'
  | 'jobs'
  | 'rows/s';

/** A budget from DESIGN.md "Budgets": at most, or exactly, this much. */
export type Budget = { max: number } | { equals: number };

/** One line of the bench's table and of results.json. */
export type Result = {
  id: string;
  label: string;
  value: number | Summary;
  unit: Unit;
  budget?: Budget;
  /** Absent for what has no budget and is shown for context. */
  pass?: boolean;
  note?: string;
};

/** The number a budget judges: the median of a repeated timing. */
export function judgedValue(value: number | Summary): number {
  return typeof value === 'number' ? value : value.median;
}

export function withinBudget(value: number | Summary, budget: Budget): boolean {
  const judged = judgedValue(value);
  return 'max' in budget ? judged <= budget.max : judged === budget.equals;
}

export function result(fields: Omit<Result, 'pass'> & { budget?: Budget }): Result {
  return fields.budget ? { ...fields, pass: withinBudget(fields.value, fields.budget) } : fields;
}
