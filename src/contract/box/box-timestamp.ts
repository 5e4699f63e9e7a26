/** Box's timestamps carry an offset, e.g. `2012-12-12T10:53:43-08:00`; the sandbox's are in UTC. */
export function toBoxTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}
