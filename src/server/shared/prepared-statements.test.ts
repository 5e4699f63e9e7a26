import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { preparedStatement } from './prepared-statements.ts';

describe('preparedStatement', () => {
  it('hands back the statement it prepared for the same text on the same database', () => {
    const db = new Database(':memory:');
    const first = preparedStatement(db, 'SELECT 1 AS one');
    expect(preparedStatement(db, 'SELECT 1 AS one')).toBe(first);
    expect(first.get()).toEqual({ one: 1 });
  });

  it('prepares a text again for another database', () => {
    const a = new Database(':memory:');
    const b = new Database(':memory:');
    expect(preparedStatement(a, 'SELECT 1')).not.toBe(preparedStatement(b, 'SELECT 1'));
  });

  it('keeps the most recently used statements when it has more texts than it holds', () => {
    const db = new Database(':memory:');
    const kept = preparedStatement(db, 'SELECT 0');
    for (let n = 1; n < 1000; n++) preparedStatement(db, `SELECT ${n}`);
    // Using it again makes it the newest, so the next text lets `SELECT 1` go instead.
    expect(preparedStatement(db, 'SELECT 0')).toBe(kept);
    const second = preparedStatement(db, 'SELECT 2');
    preparedStatement(db, 'SELECT 1000');
    expect(preparedStatement(db, 'SELECT 0')).toBe(kept);
    expect(preparedStatement(db, 'SELECT 2')).toBe(second);
  });

  it('answers from the tables as they are after a schema change', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a INTEGER)');
    db.exec('INSERT INTO t VALUES (1)');
    expect(preparedStatement(db, 'SELECT * FROM t').all()).toEqual([{ a: 1 }]);
    db.exec('ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 2');
    expect(preparedStatement(db, 'SELECT * FROM t').all()).toEqual([{ a: 1, b: 2 }]);
  });
});
