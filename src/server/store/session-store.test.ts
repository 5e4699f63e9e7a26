import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, loadSessionKey } from '../session/secret-box.ts';
import { onBackend, STORE_BACKENDS } from '../testing/test-stores.ts';
import { openRosterDatabase, type RosterDatabase } from './roster-database.ts';
import { openSessionStore } from './session-store.ts';

const user = { id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' };
const credential = { kind: 'apiToken', email: 'ada@example.com', token: 'very-secret-token' } as const;
const MINUTE = 60_000;

for (const backend of STORE_BACKENDS) {
  describe.skipIf(!backend.available)(onBackend('the session store', backend), () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function store() {
      const created = await backend.create();
      cleanups.push(created.dispose);
      return created;
    }

    async function open(
      created: Awaited<ReturnType<typeof store>>,
      clock: { now: number },
      secret?: string,
    ): Promise<{ sessions: Awaited<ReturnType<typeof openSessionStore>>; database: RosterDatabase }> {
      const database = await openRosterDatabase(created.location);
      cleanups.push(() => database.close());
      const sessions = await openSessionStore({
        database,
        box: createSecretBox(loadSessionKey(created.dataDir, secret)),
        idleMs: 30 * MINUTE,
        maxAgeMs: 120 * MINUTE,
        demo: { idleMs: 10 * MINUTE, limit: 3 },
        now: () => clock.now,
      });
      return { sessions, database };
    }

    it('keeps credentials sealed at rest and the cookie value out of the database', async () => {
      const created = await store();
      const { sessions, database } = await open(created, { now: 0 });
      const sessionId = await sessions.create(user, credential);
      const rows = await sql`SELECT * FROM sessions`.execute(database.db);
      const texts = [JSON.stringify(rows.rows)];
      if (created.location.kind === 'sqlite')
        texts.push(readFileSync(created.location.file).toString('latin1'));
      for (const text of texts) {
        expect(text).not.toContain('very-secret-token');
        expect(text).not.toContain(sessionId);
      }
      expect(statSync(join(created.dataDir, 'session-key')).mode & 0o777).toBe(0o600);
    });

    it('ends a session idle for longer than the idle limit, but not one in use', async () => {
      const clock = { now: 0 };
      const { sessions } = await open(await store(), clock);
      const busy = await sessions.create(user, credential);
      const idle = await sessions.create(user, credential);
      for (let minute = 10; minute <= 60; minute += 10) {
        clock.now = minute * MINUTE;
        expect(await sessions.find(busy)).toBeDefined();
      }
      expect(await sessions.find(idle)).toBeUndefined();
    });

    it('ends every session at the absolute limit however busy it is', async () => {
      const clock = { now: 0 };
      const { sessions } = await open(await store(), clock);
      const sessionId = await sessions.create(user, credential);
      for (let minute = 10; minute <= 110; minute += 10) {
        clock.now = minute * MINUTE;
        expect(await sessions.find(sessionId)).toBeDefined();
      }
      clock.now = 121 * MINUTE;
      expect(await sessions.find(sessionId)).toBeUndefined();
    });

    it('ends a demo session unused for the demo idle limit, while a person signed in otherwise stays', async () => {
      const clock = { now: 0 };
      const { sessions } = await open(await store(), clock);
      const person = await sessions.create(user, credential);
      const demo = await sessions.create(user, credential, { demo: true });
      const usedDemo = await sessions.create(user, credential, { demo: true });
      clock.now = 6 * MINUTE;
      expect(await sessions.find(usedDemo)).toBeDefined();
      clock.now = 11 * MINUTE;
      expect(await sessions.find(demo)).toBeUndefined();
      expect(await sessions.find(usedDemo)).toBeDefined();
      expect(await sessions.find(person)).toBeDefined();
    });

    it('keeps at most the demo limit of demo sessions, ending the ones unused the longest', async () => {
      const clock = { now: 0 };
      const { sessions, database } = await open(await store(), clock);
      const person = await sessions.create(user, credential);
      const demos: string[] = [];
      for (let index = 0; index < 50; index++) {
        clock.now = index * 1000;
        demos.push(await sessions.create(user, credential, { demo: true }));
      }
      const stored = await database.db.selectFrom('sessions').select('key').execute();
      expect(stored).toHaveLength(3 + 1);
      for (const id of demos.slice(-3)) expect(await sessions.find(id)).toBeDefined();
      for (const id of demos.slice(0, -3)) expect(await sessions.find(id)).toBeUndefined();
      expect(await sessions.find(person)).toBeDefined();
    });

    it('opens no session sealed with another key', async () => {
      const created = await store();
      const { sessions } = await open(created, { now: 0 });
      const sessionId = await sessions.create(user, credential);
      const other = await open(created, { now: 0 }, 'another secret that is long enough to use!');
      expect(await other.sessions.find(sessionId)).toBeUndefined();
    });

    it('opens no sealed value moved into another row', async () => {
      const created = await store();
      const { sessions, database } = await open(created, { now: 0 });
      const first = await sessions.create(user, credential);
      const second = await sessions.create({ ...user, id: 2 }, credential);
      const [a, b] = await database.db
        .selectFrom('sessions')
        .select(['key', 'sealed'])
        .orderBy('created_at')
        .execute();
      if (!a || !b) throw new Error('two sessions were made');
      await database.db.updateTable('sessions').set({ sealed: a.sealed }).where('key', '=', b.key).execute();
      expect(await sessions.find(first)).toBeDefined();
      expect(await sessions.find(second)).toBeUndefined();
    });

    it('finds a person’s newest live session for work on their behalf without keeping it alive', async () => {
      const clock = { now: 0 };
      const { sessions, database } = await open(await store(), clock);
      await sessions.create(user, credential);
      clock.now = 5 * MINUTE;
      const newer = await sessions.create(user, { ...credential, token: 'newer-token' });
      clock.now = 20 * MINUTE;
      const found = await sessions.findByUser('1');
      expect(found?.credential).toEqual({ ...credential, token: 'newer-token' });
      const seen = await database.db.selectFrom('sessions').select('last_seen_at').execute();
      expect(seen.map((row) => row.last_seen_at).sort((x, y) => x - y)).toEqual([0, 5 * MINUTE]);
      clock.now = 36 * MINUTE;
      expect(await sessions.findByUser('1')).toBeUndefined();
      expect(await sessions.find(newer)).toBeUndefined();
    });

    it('lets one instance at a time refresh a session’s tokens', async () => {
      const clock = { now: 0 };
      const { sessions } = await open(await store(), clock);
      const sessionId = await sessions.create(user, credential);
      const key = (await sessions.find(sessionId))?.key ?? '';
      expect(await sessions.claimRefresh(key, 30_000)).toBe(true);
      expect(await sessions.claimRefresh(key, 30_000)).toBe(false);
      clock.now = 31_000;
      expect(await sessions.claimRefresh(key, 30_000)).toBe(true);
      await sessions.releaseRefresh(key);
      expect(await sessions.claimRefresh(key, 30_000)).toBe(true);
    });

    it.runIf(backend.name === 'SQLite')(
      'adopts a roster.sqlite made before migrations were versioned',
      async () => {
        const created = await store();
        const { default: Database } = await import('better-sqlite3');
        const old = new Database(created.location.kind === 'sqlite' ? created.location.file : '');
        old.exec(`CREATE TABLE sessions (key TEXT PRIMARY KEY, sealed TEXT NOT NULL, created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL)`);
        old.close();
        const { sessions } = await open(created, { now: 0 });
        const sessionId = await sessions.create(user, credential);
        expect((await sessions.findByUser('1'))?.key).toBe((await sessions.find(sessionId))?.key);
        expect(await sessions.find(await sessions.create(user, credential, { demo: true }))).toBeDefined();
        expect(existsSync(join(created.dataDir, 'roster.sqlite'))).toBe(true);
      },
    );
  });
}
