import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Count } from '../../../contract/count.ts';
import type { Organization } from '../../../contract/organization.ts';
import type { OrganizationMembership } from '../../../contract/organization-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectError,
  expectErrorList,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Organizations = OffsetList<'organizations', Organization>;

let server: TestServer;
let organizations: Organization[];
let eve: User;

beforeAll(async () => {
  server = await startTestServer();
  organizations = (await getJson<Organizations>(server, '/organizations')).organizations;
  eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
});
afterAll(() => server.close());

describe('organizations', () => {
  it('lists organizations with the documented fields and unique names', async () => {
    const body = await getJson<Organizations>(server, '/organizations.json');
    expect(body.organizations.length).toBeGreaterThan(1);
    expect(body.count).toBe(body.organizations.length);
    expect(new Set(body.organizations.map((o) => o.name)).size).toBe(body.organizations.length);
    for (const organization of body.organizations) {
      expect(organization).toMatchObject({
        url: `${server.apiUrl}/organizations/${organization.id}.json`,
        domain_names: expect.any(Array),
        tags: expect.any(Array),
        organization_fields: expect.any(Object),
        shared_tickets: expect.any(Boolean),
        shared_comments: expect.any(Boolean),
      });
      expect(organization.id).toBeGreaterThan(370_000_000);
    }
  });

  it('shows one organization and answers an unknown id with 404 RecordNotFound', async () => {
    const organization = organizations[0] as Organization;
    const shown = await getJson<{ organization: Organization }>(server, `/organizations/${organization.id}`);
    expect(shown.organization).toEqual(organization);
    expect(await expectError(await server.api('/organizations/370999999.json'), 404)).toEqual(
      RECORD_NOT_FOUND,
    );
  });

  it('counts organizations', async () => {
    expect((await getJson<Count>(server, '/organizations/count')).count.value).toBe(organizations.length);
  });

  it('autocompletes by name prefix with offset pagination only', async () => {
    const target = organizations[1] as Organization;
    const prefix = target.name.slice(0, 3).toLowerCase();
    const body = await getJson<Organizations>(server, `/organizations/autocomplete?name=${prefix}`);
    expect(body.organizations.map((o) => o.id)).toContain(target.id);
    expect(body.organizations.every((o) => o.name.toLowerCase().startsWith(prefix))).toBe(true);
    expect(body).toHaveProperty('next_page');
    await expectErrorList(await server.api(`/organizations/autocomplete?name=${prefix}&page[size]=1`), 400);
  });

  it('shows many organizations by ids, ignoring unknown ids', async () => {
    const ids = organizations.slice(0, 2).map((o) => o.id);
    const body = await getJson<Organizations>(
      server,
      `/organizations/show_many?ids=${ids.join(',')},370999999`,
    );
    expect(body.organizations.map((o) => o.id)).toEqual(ids);
  });

  it("lists a user's organizations and an organization's users", async () => {
    const mine = await getJson<OffsetList<'organization_memberships', OrganizationMembership>>(
      server,
      `/users/${eve.id}/organization_memberships`,
    );
    const ofEve = await getJson<Organizations>(server, `/users/${eve.id}/organizations`);
    expect(ofEve.organizations.map((o) => o.id).sort()).toEqual(
      mine.organization_memberships.map((m) => m.organization_id).sort(),
    );
    const organization = organizations.find((o) => o.id === eve.organization_id) as Organization;
    const users = await getJson<OffsetList<'users', User>>(server, `/organizations/${organization.id}/users`);
    expect(users.users.map((u) => u.id)).toContain(eve.id);
    const { count } = await getJson<Count>(server, `/organizations/${organization.id}/users/count`);
    expect(count.value).toBe(users.count);
  });
});
