import type { Operation, OperationState } from '../../contract/roster-operations.ts';

/** A status colour; every use of one also shows an icon and a word, never the colour alone. */
export type Tone = 'active' | 'success' | 'warning' | 'danger' | 'neutral';

const STATES: Record<OperationState, { word: string; icon: string; tone: Tone }> = {
  expanding: { word: 'Finding members', icon: '⟳', tone: 'active' },
  queued: { word: 'Queued', icon: '⟳', tone: 'active' },
  running: { word: 'Running', icon: '⟳', tone: 'active' },
  paused: { word: 'Paused', icon: '⏸', tone: 'warning' },
  completed: { word: 'Completed', icon: '✓', tone: 'success' },
  completed_with_failures: { word: 'Completed with failures', icon: '⚠', tone: 'warning' },
  failed: { word: 'Failed', icon: '✕', tone: 'danger' },
  cancelled: { word: 'Cancelled', icon: '⊘', tone: 'neutral' },
};

/**
 * How an operation's state reads: an operation in which items failed never shows as a plain
 * success, whatever state it ends in.
 */
export function operationOutcome(operation: Pick<Operation, 'state' | 'counts'>): {
  word: string;
  icon: string;
  tone: Tone;
} {
  const outcome = STATES[operation.state];
  if (operation.counts.failed > 0 && (outcome.tone === 'success' || outcome.tone === 'neutral')) {
    return { ...outcome, icon: '⚠', tone: 'warning' };
  }
  return outcome;
}

const count = (value: number) => value.toLocaleString();

/**
 * "248 succeeded, 2 failed" (and cancelled ones when there are any); `compact` leaves out
 * "0 failed" where a table has little room.
 */
export function outcomeCounts(operation: Pick<Operation, 'counts'>, compact = false): string {
  const { succeeded, failed, cancelled } = operation.counts;
  const parts = [`${count(succeeded)} succeeded`];
  if (failed > 0 || !compact) parts.push(`${count(failed)} failed`);
  if (cancelled > 0) parts.push(`${count(cancelled)} cancelled`);
  return parts.join(', ');
}
