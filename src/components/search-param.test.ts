import { describe, expect, it } from 'vitest';
import { withSearchText } from './search-param.ts';

describe('withSearchText', () => {
  it('puts the trimmed text into the URL and keeps the other parameters', () => {
    const next = withSearchText(new URLSearchParams('role=admin'), 'q', '  ada ');
    expect(next?.toString()).toBe('role=admin&q=ada');
  });

  it('replaces an earlier search', () => {
    expect(withSearchText(new URLSearchParams('q=ad&in=4'), 'q', 'ada')?.toString()).toBe('q=ada&in=4');
  });

  it('removes the search when the box is emptied or holds only spaces', () => {
    expect(withSearchText(new URLSearchParams('q=ada&role=agent'), 'q', '   ')?.toString()).toBe(
      'role=agent',
    );
  });

  it('answers nothing when the URL already holds the text, so no navigation happens', () => {
    expect(withSearchText(new URLSearchParams('q=ada'), 'q', 'ada ')).toBeUndefined();
    expect(withSearchText(new URLSearchParams('role=agent'), 'q', '')).toBeUndefined();
  });

  it('leaves the parameters it was given unchanged', () => {
    const params = new URLSearchParams('q=ad');
    withSearchText(params, 'q', 'ada');
    expect(params.toString()).toBe('q=ad');
  });
});
