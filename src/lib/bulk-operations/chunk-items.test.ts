import { describe, expect, it } from 'vitest';
import { chunkItems } from './chunk-items.ts';

describe('chunkItems', () => {
  it('splits 250 items into requests of 100, 100 and 50, keeping their order', () => {
    const indexes = Array.from({ length: 250 }, (_, index) => index);
    const chunks = chunkItems(indexes);
    expect(chunks.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(indexes);
  });

  it('makes no chunk for no items and one chunk for exactly 100', () => {
    expect(chunkItems([])).toEqual([]);
    expect(chunkItems(Array.from({ length: 100 }, (_, index) => index))).toHaveLength(1);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => chunkItems([1, 2], 0)).toThrow(RangeError);
    expect(() => chunkItems([1, 2], 1.5)).toThrow(RangeError);
  });
});
