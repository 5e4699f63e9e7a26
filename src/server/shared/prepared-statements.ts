import type Database from 'better-sqlite3';

/**
 * Enough for every statement the sandbox and the store write, with room for the `IN (?, …)` lists
 * of up to 100 ids; past it the least recently used statement is let go.
 */
const MAX_STATEMENTS_PER_DATABASE = 1000;

const statementsByDatabase = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * `db.prepare(sql)` compiles the SQL every time; this compiles each text once per database and
 * hands back the same statement after. A statement keeps its modes (`pluck`), so a text is always
 * read the same way, and none is iterated, so one can never be busy when it is asked for again.
 */
export function preparedStatement(db: Database.Database, sql: string): Database.Statement {
  let statements = statementsByDatabase.get(db);
  if (!statements) {
    statements = new Map();
    statementsByDatabase.set(db, statements);
  }
  const cached = statements.get(sql);
  if (cached) {
    statements.delete(sql);
    statements.set(sql, cached);
    return cached;
  }
  const statement = db.prepare(sql);
  if (statements.size >= MAX_STATEMENTS_PER_DATABASE) {
    const oldest = statements.keys().next().value;
    if (oldest !== undefined) statements.delete(oldest);
  }
  statements.set(sql, statement);
  return statement;
}
