import { describe, expect, it } from 'vitest';
import { summarize } from './stats.ts';

describe('summarize', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, samples: 3 });
    expect(summarize([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10, samples: 4 });
  });

  it('refuses an empty list instead of answering NaN', () => {
    expect(() => summarize([])).toThrow('nothing to summarize');
  });
});
