import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

describe('plural', () => {
  it('says "1 admin", never "1 admins", and groups thousands', () => {
    expect(plural(1, 'admin', 'admins')).toBe('1 admin');
    expect(plural(0, 'admin', 'admins')).toBe('0 admins');
    expect(plural(1200, 'person', 'people')).toBe('1,200 people');
  });
});
