import type { JobState } from '../../contract/job-status.ts';

/** Zendesk's job states and result actions in the words the rest of Roster uses. */
export const JOB_STATE_WORDS: Record<JobState, string> = {
  queued: 'Queued',
  working: 'Working',
  completed: 'Completed',
  failed: 'Failed',
  killed: 'Stopped',
};
const ACTION_WORDS: Record<string, string> = { create: 'Add', delete: 'Remove', update: 'Update' };

export function jobActionWord(action: string | undefined): string {
  if (!action) return '—';
  return ACTION_WORDS[action] ?? `${action.charAt(0).toUpperCase()}${action.slice(1)}`;
}
