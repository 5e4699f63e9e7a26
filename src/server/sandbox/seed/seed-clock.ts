import { toZendeskTimestamp } from '../../../contract/timestamp.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Seeded timestamps come from a fixed window rather than the wall clock, so a re-seed reproduces
 * the same rows. Times are whole seconds since the epoch until they are written.
 */
export const SEED_WINDOW_END = utcSeconds(2026, 6, 30) + 86_399;

export const MINUTE = 60;
export const HOUR = 3_600;
export const DAY = 86_400;

export function utcSeconds(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 1000;
}

export function formatTimestamp(seconds: number): string {
  return toZendeskTimestamp(new Date(seconds * 1000));
}

/**
 * The moment of the `index`-th of `count` records created between `from` and `to`: evenly spread with
 * jitter, never going backwards, so that ids and creation times rise together as in a real account.
 */
export function spreadMoment(
  from: number,
  to: number,
  index: number,
  count: number,
  random: SeededRandom,
): number {
  const step = (to - from) / Math.max(count, 1);
  return Math.floor(from + step * (index + random.next()));
}

/**
 * A moment shortly after `after` (up to `maxDelay` seconds). The delay shrinks near the end of the
 * seed window instead of being cut off, so records do not pile up on its last second.
 */
export function shortlyAfter(after: number, maxDelay: number, random: SeededRandom): number {
  const room = Math.max(0, Math.min(maxDelay, SEED_WINDOW_END - after));
  return after + Math.floor(random.next() * room);
}
