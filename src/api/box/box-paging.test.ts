import { describe, expect, it } from 'vitest';
import { nextBoxPage } from './box-paging.ts';

describe('nextBoxPage', () => {
  it('continues at offset + limit until the total is reached', () => {
    expect(nextBoxPage({ offset: 0, limit: 100, total_count: 250 })).toEqual({ next: '100', ceiling: false });
    expect(nextBoxPage({ offset: 200, limit: 100, total_count: 250 })).toEqual({
      next: undefined,
      ceiling: false,
    });
  });

  it('pages up to offset 10,000 and then reports the ceiling instead of silently stopping', () => {
    expect(nextBoxPage({ offset: 9_900, limit: 100, total_count: 10_000 })).toEqual({
      next: undefined,
      ceiling: false,
    });
    expect(nextBoxPage({ offset: 9_900, limit: 100, total_count: 12_000 })).toEqual({
      next: '10000',
      ceiling: false,
    });
    expect(nextBoxPage({ offset: 10_000, limit: 100, total_count: 12_000 })).toEqual({
      next: undefined,
      ceiling: true,
    });
  });
});
