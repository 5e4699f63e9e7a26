import pg from 'pg';

/** How long a request waits for a connection before the store counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A query the server does not answer within this long fails rather than hanging a request. */
const QUERY_TIMEOUT_MS = 15_000;

/** `user@host:port/database` of a URL, never its password. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  return `${user}${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** The reason a connection failed, in the server's words ("password authentication failed for user …"). */
export function connectionFailureReason(error: unknown): string {
  // Node tries every address of a name (IPv6 and IPv4) and reports them together.
  if (error instanceof AggregateError && error.errors.length > 0)
    return connectionFailureReason(error.errors[0]);
  if (error instanceof Error) return error.message || ('code' in error ? String(error.code) : error.name);
  return String(error);
}

/**
 * A pool of connections to PostgreSQL. `bigint` columns (the store's millisecond times and counts)
 * come back as numbers: every value Roster keeps there is far below 2^53.
 */
export function createPostgresPool(url: string, log: (message: string) => void): pg.Pool {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'roster',
  });
  // An idle connection the server closes (a restart, a failover) is dropped from the pool; without
  // a listener the error would end the process.
  pool.on('error', (error) => log(`A PostgreSQL connection was lost: ${connectionFailureReason(error)}`));
  // The pool listens only while a connection is idle. One lost while checked out (between two
  // statements of a transaction) fails its next query instead, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Connects once, so a wrong DATABASE_URL stops the server at start with the reason. */
export async function checkPostgresConnection(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `DATABASE_URL: could not connect to PostgreSQL at ${describePostgresUrl(url)}: ${connectionFailureReason(error)}`,
    );
  }
}
