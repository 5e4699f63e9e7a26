import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir, startTestServer } from '../testing/test-server.ts';

const parent = makeDataDir();
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data directory', () => {
  it('is created owner-only, with every database file and the session key readable by the owner alone', async () => {
    const dataDir = join(parent, 'fresh', 'data');
    // Sign-in mode, so the session database exists too.
    const server = await startTestServer(
      { DATA_DIR: dataDir, SANDBOX_IDENTITY: '' },
      { dataDir, keepDataDir: true },
    );
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      const files = ['sandbox.sqlite', 'roster.sqlite', 'session-key'].map((name) => join(dataDir, name));
      for (const suffix of ['-wal', '-shm']) {
        for (const database of ['sandbox.sqlite', 'roster.sqlite']) {
          const file = join(dataDir, `${database}${suffix}`);
          if (existsSync(file)) files.push(file);
        }
      }
      expect(files.length).toBeGreaterThan(3);
      expect(Object.fromEntries(files.map((file) => [file, modeOf(file)]))).toEqual(
        Object.fromEntries(files.map((file) => [file, 0o600])),
      );
    } finally {
      await server.close();
    }
  });
});
