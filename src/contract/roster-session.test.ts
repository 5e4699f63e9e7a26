import { describe, expect, it } from 'vitest';
import { safeNextPath } from './roster-session.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeNextPath('/groups/360000001?q=a#top')).toBe('/groups/360000001?q=a#top');
    expect(safeNextPath('/organizations')).toBe('/organizations');
  });

  it('turns whatever a browser could read as another site into the home page', () => {
    for (const next of [
      '//evil.example/steal',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/%2F/evil.example',
      'https://evil.example/',
      'evil.example',
      '',
      null,
      undefined,
    ]) {
      const safe = safeNextPath(next);
      expect(new URL(safe, 'http://roster.test').origin, String(next)).toBe('http://roster.test');
      expect(safe.startsWith('//'), String(next)).toBe(false);
    }
    expect(safeNextPath('/\t/evil.example')).toBe('/');
  });

  it('never sends a person back into sign-in itself', () => {
    expect(safeNextPath('/sign-in?next=/groups')).toBe('/');
    expect(safeNextPath('/roster/oauth/start')).toBe('/');
  });
});
