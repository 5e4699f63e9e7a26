import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { Operation, RosterError } from '../../contract/roster-operations.ts';
import { allStaff, walkForward } from '../testing/api-helpers.ts';
import { cookieClient } from '../testing/cookie-client.ts';
import {
  type RosterCall,
  rosterCallerOf,
  rosterJson,
  startGroupAdd,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import {
  createTestDatabase,
  onPostgres,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../testing/test-stores.ts';
import { LEASE_MS, RENEW_MS } from './operation-leases.ts';

const GROUP = 360000027;

/**
 * PostgreSQL going away in the middle of an operation (a failover, a network cut) and coming
 * back: the server says so, loses nothing and carries on. The database sits behind a TCP relay
 * the test can cut.
 */
describe.skipIf(!TEST_DATABASE_URL)(
  onPostgres('an operation while its PostgreSQL store goes away and comes back'),
  () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let server: TestServer;
    let roster: RosterCall;
    let browser: ReturnType<typeof cookieClient>;
    const logged: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      const direct = new URL(database.url);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
      const throughProxy = new URL(database.url);
      throughProxy.port = String(proxy.port);
      server = await startTestServer(
        {
          DATABASE_URL: throughProxy.toString(),
          SESSION_SECRET: 'a secret for the outage test, long enough',
          SANDBOX_SEED_SCALE: 'demo',
          SANDBOX_IDENTITY: '',
          SANDBOX_JOB_ITEM_DELAY_MS: '4',
        },
        { log: (line) => logged.push(line) },
      );
      browser = cookieClient(server.url);
      expect((await browser.post('/roster/session/demo', { identity: 'admin' })).status).toBe(200);
      roster = rosterCallerOf(browser.request);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await proxy?.close();
      await database?.drop();
    });

    async function members(): Promise<GroupMembership[]> {
      const pages = await walkForward<'group_memberships', GroupMembership>(
        server,
        'group_memberships',
        `/groups/${GROUP}/memberships?page[size]=100`,
      );
      return pages.flatMap((page) => page.group_memberships);
    }

    it('answers 503 while the store is away, then finishes with every item applied exactly once', {
      timeout: 90_000,
    }, async () => {
      const inside = new Set((await members()).map((m) => m.user_id));
      const agents = (await allStaff(server)).filter((user) => !inside.has(user.id)).slice(0, 1000);
      const { id } = await startGroupAdd(roster, [GROUP], agents);
      await waitForOperation(roster, id, (operation: Operation) => operation.done >= 200);

      proxy.cut();
      const during = await roster(`/${id}`);
      expect(await rosterJson<RosterError>(during, 503)).toMatchObject({ error: 'StoreUnavailable' });
      expect(during.headers.get('retry-after')).toBe('5');
      expect((await browser.request('/roster/session')).status).toBe(503);
      // Longer than a lease: on its return the instance takes its own operation back, as after a crash.
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + RENEW_MS));
      proxy.restore();

      const done = await waitForOperation(roster, id, undefined, 60_000);
      expect(done).toMatchObject({ state: 'completed', counts: { total: 1000, succeeded: 1000, failed: 0 } });
      const added = (await members()).filter((m) => !inside.has(m.user_id));
      expect(added).toHaveLength(1000);
      expect(new Set(added.map((m) => m.user_id)).size).toBe(1000);
      expect(logged.filter((line) => line.startsWith("Roster's store cannot be reached"))).toHaveLength(1);
      expect(logged).toContain("Roster's store is reachable again; operations continue");
    });
  },
);
