import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../testing/test-server.ts';
import { createSecretBox, loadSessionKey } from './secret-box.ts';
import { openSessionStore, type SessionStore } from './session-store.ts';

const user = { id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' };
const credential = { kind: 'apiToken', email: 'ada@example.com', token: 'very-secret-token' } as const;
const MINUTE = 60_000;

describe('the session store', () => {
  let store: SessionStore | undefined;
  afterEach(() => store?.close());

  function open(dataDir: string, clock: { now: number }) {
    store = openSessionStore({
      file: join(dataDir, 'roster.sqlite'),
      box: createSecretBox(loadSessionKey(dataDir, undefined)),
      idleMs: 30 * MINUTE,
      maxAgeMs: 120 * MINUTE,
      demo: { idleMs: 10 * MINUTE, limit: 3 },
      now: () => clock.now,
    });
    return store;
  }

  it('keeps credentials sealed at rest and the cookie value out of the database', () => {
    const dataDir = makeDataDir();
    const sessions = open(dataDir, { now: 0 });
    const sessionId = sessions.create(user, credential);
    const file = readFileSync(join(dataDir, 'roster.sqlite')).toString('latin1');
    const db = new Database(join(dataDir, 'roster.sqlite'), { readonly: true });
    const rows = JSON.stringify(db.prepare('SELECT * FROM sessions').all());
    db.close();
    for (const text of [file, rows]) {
      expect(text).not.toContain('very-secret-token');
      expect(text).not.toContain(sessionId);
    }
    expect(statSync(join(dataDir, 'session-key')).mode & 0o777).toBe(0o600);
  });

  it('ends a session idle for longer than the idle limit, but not one in use', () => {
    const clock = { now: 0 };
    const sessions = open(makeDataDir(), clock);
    const busy = sessions.create(user, credential);
    const idle = sessions.create(user, credential);
    for (let minute = 10; minute <= 60; minute += 10) {
      clock.now = minute * MINUTE;
      expect(sessions.find(busy)).toBeDefined();
    }
    expect(sessions.find(idle)).toBeUndefined();
  });

  it('ends every session at the absolute limit however busy it is', () => {
    const clock = { now: 0 };
    const sessions = open(makeDataDir(), clock);
    const sessionId = sessions.create(user, credential);
    for (let minute = 10; minute <= 110; minute += 10) {
      clock.now = minute * MINUTE;
      expect(sessions.find(sessionId)).toBeDefined();
    }
    clock.now = 121 * MINUTE;
    expect(sessions.find(sessionId)).toBeUndefined();
  });

  it('ends a demo session unused for the demo idle limit, while a person signed in otherwise stays', () => {
    const clock = { now: 0 };
    const sessions = open(makeDataDir(), clock);
    const person = sessions.create(user, credential);
    const demo = sessions.create(user, credential, { demo: true });
    const usedDemo = sessions.create(user, credential, { demo: true });
    clock.now = 6 * MINUTE;
    expect(sessions.find(usedDemo)).toBeDefined();
    clock.now = 11 * MINUTE;
    expect(sessions.find(demo)).toBeUndefined();
    expect(sessions.find(usedDemo)).toBeDefined();
    expect(sessions.find(person)).toBeDefined();
  });

  it('keeps at most the demo limit of demo sessions, ending the ones unused the longest', () => {
    const clock = { now: 0 };
    const dataDir = makeDataDir();
    const sessions = open(dataDir, clock);
    const person = sessions.create(user, credential);
    const demos: string[] = [];
    for (let index = 0; index < 500; index++) {
      clock.now = index * 1000;
      demos.push(sessions.create(user, credential, { demo: true }));
    }
    const db = new Database(join(dataDir, 'roster.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT count(*) FROM sessions').pluck().get();
    db.close();
    expect(stored).toBe(3 + 1);
    expect(demos.slice(-3).every((id) => sessions.find(id) !== undefined)).toBe(true);
    expect(demos.slice(0, -3).some((id) => sessions.find(id) !== undefined)).toBe(false);
    expect(sessions.find(person)).toBeDefined();
  });

  it('opens a database made before demo sessions were told apart', () => {
    const dataDir = makeDataDir();
    const db = new Database(join(dataDir, 'roster.sqlite'));
    db.exec(
      'CREATE TABLE sessions (key TEXT PRIMARY KEY, sealed TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL)',
    );
    db.close();
    const sessions = open(dataDir, { now: 0 });
    expect(sessions.find(sessions.create(user, credential, { demo: true }))).toBeDefined();
  });

  it('opens no session sealed with another key', () => {
    const dataDir = makeDataDir();
    const sessions = open(dataDir, { now: 0 });
    const sessionId = sessions.create(user, credential);
    sessions.close();
    store = openSessionStore({
      file: join(dataDir, 'roster.sqlite'),
      box: createSecretBox(loadSessionKey(dataDir, 'another secret that is long enough to use!')),
      idleMs: MINUTE,
      maxAgeMs: MINUTE,
      demo: { idleMs: MINUTE, limit: 1 },
      now: () => 0,
    });
    expect(store.find(sessionId)).toBeUndefined();
  });
});
