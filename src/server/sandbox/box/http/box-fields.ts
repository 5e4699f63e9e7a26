/**
 * Box's `fields=a,b` query parameter: the answer holds the record's mini representation plus the
 * fields asked for, instead of the standard representation. Names the record does not have are
 * left out, as Box leaves them out.
 */
export type BoxFields = readonly string[] | undefined;

export function parseBoxFields(query: URLSearchParams): BoxFields {
  const raw = query.get('fields');
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

export function pickBoxFields<Full extends object>(
  full: Full,
  mini: readonly (keyof Full & string)[],
  fields: readonly string[],
): Partial<Full> {
  const keep = new Set<string>([...mini, ...fields]);
  return Object.fromEntries(Object.entries(full).filter(([name]) => keep.has(name))) as Partial<Full>;
}
