import { describePostgresUrl } from '../store/postgres-pool.ts';
import { TEST_DATABASE_URL } from './test-stores.ts';

/** Vitest's global set-up: one line saying whether the PostgreSQL tests run, so a skip is never silent. */
export default function announcePostgres(): void {
  console.log(
    TEST_DATABASE_URL
      ? `PostgreSQL tests run against ${describePostgresUrl(TEST_DATABASE_URL)} (TEST_DATABASE_URL)`
      : 'PostgreSQL tests are SKIPPED: TEST_DATABASE_URL is not set (.ci/run starts a server and sets it)',
  );
}
