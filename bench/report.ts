import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Machine } from './machine.ts';
import type { Budget, Result, Unit } from './result.ts';

const DECIMALS: Record<Unit, number> = {
  kB: 1,
  ms: 1,
  MB: 1,
  requests: 0,
  rows: 0,
  cells: 0,
  tasks: 0,
  jobs: 0,
  frames: 0,
  '×': 2,
  'req/s': 2,
  'rows/s': 0,
};

function formatNumber(value: number, unit: Unit): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: DECIMALS[unit],
    maximumFractionDigits: DECIMALS[unit],
  });
}

export function formatValue({ value, unit }: Pick<Result, 'value' | 'unit'>): string {
  if (typeof value === 'number') return `${formatNumber(value, unit)} ${unit}`;
  return `${formatNumber(value.median, unit)} ${unit} (${formatNumber(value.min, unit)}–${formatNumber(value.max, unit)})`;
}

function formatBudget(budget: Budget | undefined, unit: Unit): string {
  if (!budget) return '';
  return 'max' in budget
    ? `≤ ${formatNumber(budget.max, unit)} ${unit}`
    : `= ${formatNumber(budget.equals, unit)} ${unit}`;
}

function verdict(result: Result): string {
  if (result.pass === undefined) return '';
  return result.pass ? 'pass' : 'FAIL';
}

/** The table as Markdown, so the same text goes to the terminal and into the README. */
export function markdownTable(results: readonly Result[]): string {
  const rows = results.map((r) => [r.label, formatValue(r), formatBudget(r.budget, r.unit), verdict(r)]);
  const lines = [
    '| Measure | Measured: median (min–max) | Budget | Result |',
    '|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
  return lines.join('\n');
}

export type BenchReport = {
  machine: Machine;
  scale: string;
  quick: boolean;
  startedAt: string;
  seconds: number;
  results: Result[];
};

export function writeReport(file: string, report: BenchReport): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
