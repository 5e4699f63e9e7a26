import { plural } from '../../contract/plural.ts';
import type { Target } from '../../contract/roster-operations.ts';
import { targetsPhrase } from './plan-draft.ts';

export type ChangeCounts = { add: number; remove: number; makeDefault: number; setRole?: number };

/** "Add 12, remove 5 and make 2 defaults in 3 groups": a mixed change named by what it does. */
export function changeLabel(counts: ChangeCounts, targets: readonly Target[], noun: string): string {
  // The first count names what it counts: "add 12 memberships, remove 5".
  const first = counts.add > 0 ? 'add' : 'remove';
  const count = (action: 'add' | 'remove', n: number) =>
    action === first
      ? `${action} ${plural(n, 'membership', 'memberships')}`
      : `${action} ${n.toLocaleString('en-US')}`;
  const parts = [
    counts.add > 0 && count('add', counts.add),
    counts.remove > 0 && count('remove', counts.remove),
    counts.makeDefault > 0 && `make ${plural(counts.makeDefault, 'default', 'defaults')}`,
    (counts.setRole ?? 0) > 0 && `change ${plural(counts.setRole ?? 0, 'role', 'roles')}`,
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return `No change in ${targetsPhrase(targets, noun, `${noun}s`)}`;
  const said = parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const where = targets.length === 0 ? `${noun}s` : targetsPhrase(targets, noun, `${noun}s`);
  return `${said.charAt(0).toUpperCase()}${said.slice(1)} in ${where}`;
}
