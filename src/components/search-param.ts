/**
 * The URL's parameters once the search box's `typed` text is the search `name` (trimmed; empty
 * removes it), keeping every other parameter; undefined when the URL already says so.
 */
export function withSearchText(
  params: URLSearchParams,
  name: string,
  typed: string,
): URLSearchParams | undefined {
  const text = typed.trim();
  if (text === (params.get(name) ?? '')) return undefined;
  const next = new URLSearchParams(params);
  if (text) next.set(name, text);
  else next.delete(name);
  return next;
}
