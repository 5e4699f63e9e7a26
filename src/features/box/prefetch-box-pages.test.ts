import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { setApiRetries } from '../../api/api-client.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import { sessionQueryOptions } from '../../api/session.ts';
import type { RosterSession } from '../../contract/roster-session.ts';
import type { User } from '../../contract/user.ts';
import { prefetchBoxGroupsPage, prefetchBoxUserPage } from './prefetch-box-pages.ts';

setApiRetries(false);

const clients: QueryClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
});

function session(box: RosterSession['box'], mode: RosterSession['mode'] = 'signIn'): RosterSession {
  return {
    connection: { kind: 'sandbox' },
    mode,
    signedIn: true,
    user: { id: 7, name: 'Alan Agent', email: 'agent@roster.example', role: 'agent' },
    box,
    methods: { oauth: false, apiToken: true, demoIdentities: [] },
  };
}

function person(role: User['role']): User {
  return {
    id: 7,
    url: 'http://127.0.0.1/api/v2/users/7.json',
    name: 'Alan Agent',
    email: 'agent@roster.example',
    role,
    role_type: null,
    custom_role_id: null,
    default_group_id: null,
    organization_id: null,
    suspended: false,
    active: true,
    photo: null,
    time_zone: 'UTC',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

/** A client that already knows who is signed in, as the server's render and the shell do by then. */
function clientKnowing(signedIn: RosterSession, user: User): QueryClient {
  const client = new QueryClient();
  clients.push(client);
  client.setQueryData(sessionQueryOptions().queryKey, signedIn);
  client.setQueryData(currentUserQueryOptions().queryKey, user);
  return client;
}

/** The first element of every query key in the cache besides the session and the current user. */
function askedFor(client: QueryClient): unknown[] {
  const known = new Set(['roster-session', 'current-user']);
  return client
    .getQueryCache()
    .getAll()
    .map((query) => query.queryKey[0])
    .filter((key) => typeof key !== 'string' || !known.has(key));
}

describe('the Box pages’ prefetch', () => {
  it('asks Box nothing for a person who has still to connect their own Box account', async () => {
    const client = clientKnowing(session({ connect: true, account: null }), person('admin'));
    await prefetchBoxGroupsPage(client, new URLSearchParams());
    await prefetchBoxUserPage(client, '20000001');
    expect(askedFor(client)).toEqual([]);
  });

  it('asks Box nothing for an agent when the server holds the one Box credential', async () => {
    const client = clientKnowing(session({ connect: false, account: null }), person('agent'));
    await prefetchBoxGroupsPage(client, new URLSearchParams());
    expect(askedFor(client)).toEqual([]);
  });

  it('starts the list and its total once the person may read Box, and only the list for a search', async () => {
    const account = { name: 'Ada Admin', login: 'admin@roster.example' };
    const connected = clientKnowing(session({ connect: true, account }), person('agent'));
    await prefetchBoxGroupsPage(connected, new URLSearchParams());
    expect(askedFor(connected)).toHaveLength(2);
    const searching = clientKnowing(session({ connect: false, account: null }), person('admin'));
    await prefetchBoxGroupsPage(searching, new URLSearchParams('q=lo'));
    expect(askedFor(searching)).toHaveLength(1);
  });
});
