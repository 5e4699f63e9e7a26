/** Zendesk refuses a bulk call with more than 100 items (400 TooManyValues), and show_many takes 100 ids. */
export const MAX_ITEMS_PER_REQUEST = 100;

/** Splits `values` in order into consecutive chunks of at most `size`. */
export function chunkItems<T>(values: readonly T[], size: number = MAX_ITEMS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Chunk size must be a positive integer, not ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}
