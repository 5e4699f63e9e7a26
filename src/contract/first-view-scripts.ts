/**
 * The `id` of the data block in which a page the server rendered lists its scripts (the entry first,
 * then the route's chunks) for src/first-view-boot.ts to load once the page is parsed.
 */
export const FIRST_VIEW_SCRIPTS_ID = 'roster-first-view-scripts';

/** A script of the build, as the server lists it: `/assets/…js` on this origin. */
export function isBuiltScript(value: unknown): value is string {
  return typeof value === 'string' && /^\/assets\/[\w.-]+\.js$/.test(value);
}
