import type { SessionUser } from '../../contract/roster-session.ts';
import { userEnvelopeSchema } from '../../contract/user.ts';
import { describeFetchFailure } from '../proxy/describe-fetch-failure.ts';
import type { Upstream } from '../proxy/upstream.ts';
import { authorizationHeader, type UpstreamCredential } from './upstream-credential.ts';

export type Verification =
  | { ok: true; user: SessionUser }
  | { ok: false; status: 401 | 502; description: string };

/** Every sign-in method ends here: the upstream's `users/me` says whose credential this is. */
export async function verifyCredential(
  upstream: Upstream,
  credential: UpstreamCredential,
): Promise<Verification> {
  let response: Response;
  try {
    response = await upstream.fetch(
      new Request(`${upstream.baseUrl}/api/v2/users/me.json`, {
        headers: { authorization: authorizationHeader(credential), accept: 'application/json' },
        signal: AbortSignal.timeout(20_000),
      }),
    );
  } catch (error) {
    return { ok: false, status: 502, description: describeFetchFailure(error, upstream.baseUrl) };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      status: 401,
      description:
        credential.kind === 'apiToken'
          ? 'Zendesk did not accept that email and API token.'
          : 'Zendesk did not accept the access it granted; try signing in again.',
    };
  }
  // Zendesk answers an unauthenticated `users/me` with an anonymous user whose id is null.
  const parsed = userEnvelopeSchema.safeParse(await response.json().catch(() => undefined));
  if (!response.ok || !parsed.success) {
    return {
      ok: false,
      status: response.ok ? 401 : 502,
      description: response.ok
        ? 'Zendesk did not recognise these credentials as a signed-in user.'
        : `Zendesk answered ${response.status} when Roster checked who you are.`,
    };
  }
  const { id, name, email, role, active, suspended } = parsed.data.user;
  if (!active || suspended) {
    return { ok: false, status: 401, description: 'This Zendesk user is suspended or inactive.' };
  }
  return { ok: true, user: { id, name, email, role } };
}
