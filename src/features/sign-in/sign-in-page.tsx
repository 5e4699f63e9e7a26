import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import {
  oauthStartUrl,
  sessionQueryOptions,
  signInAsDemoMutationOptions,
  signInWithApiTokenMutationOptions,
} from '../../api/session.ts';
import { ErrorState, LoadingRows } from '../../components/list-states.tsx';
import { type RosterSession, safeNextPath } from '../../contract/roster-session.ts';
import { apiTokenSignInSchema, type OAuthErrorCode, oauthErrorCodeSchema } from '../../contract/sign-in.ts';
import './sign-in-page.css';

const OAUTH_ERRORS: Record<OAuthErrorCode, string> = {
  denied: 'Sign-in was cancelled: Zendesk did not grant Roster access.',
  state: 'That sign-in expired or was started in another browser. Please try again.',
  exchange:
    'Zendesk would not complete the sign-in. Check the OAuth client’s id, secret and redirect URL; the server log has the details.',
  verify: 'Zendesk granted access, but Roster could not confirm who you are. Please try again.',
  unavailable: 'Signing in with Zendesk is not set up on this server. Use an API token instead.',
};

function ConnectionLine({ connection }: { connection: RosterSession['connection'] }) {
  return (
    <p className="sign-in-connection">
      {connection.kind === 'sandbox' ? (
        <>
          Connected to the <strong>local sandbox</strong>, a Zendesk-compatible account with demo data.
        </>
      ) : (
        <>
          Connected to <strong>{connection.host}</strong>.
        </>
      )}
    </p>
  );
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const oauthError = oauthErrorCodeSchema.safeParse(params.get('error'));
  const session = useQuery(sessionQueryOptions());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Whatever the last person loaded must not show through for the next one.
  const enter = () => {
    queryClient.clear();
    navigate(next, { replace: true });
  };
  const demo = useMutation({ ...signInAsDemoMutationOptions(), onSuccess: enter });
  const token = useMutation({ ...signInWithApiTokenMutationOptions(), onSuccess: enter });
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);

  if (session.isPending) return <LoadingRows label="Loading" rows={3} />;
  if (session.isError) {
    return <ErrorState what="the sign-in options" error={session.error} onRetry={() => session.refetch()} />;
  }
  if (session.data.signedIn && !demo.isPending && !token.isPending) return <Navigate to={next} replace />;
  const { connection, methods } = session.data;

  const submitToken = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = apiTokenSignInSchema.safeParse({ email: form.get('email'), token: form.get('token') });
    if (!parsed.success) {
      setFieldErrors(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    setFieldErrors([]);
    token.mutate(parsed.data);
  };
  const busy = demo.isPending || token.isPending;
  const tokenError =
    fieldErrors.length > 0 ? fieldErrors.join('. ') : token.isError ? describeError(token.error) : undefined;

  return (
    <main className="sign-in" id="main">
      <title>Sign in · Roster</title>
      <div className="sign-in-card">
        <h1 className="sign-in-title">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Sign in to Roster
        </h1>
        <ConnectionLine connection={connection} />

        {oauthError.success && (
          <p className="notice notice-error" role="alert">
            {OAUTH_ERRORS[oauthError.data]}
          </p>
        )}
        {demo.isError && (
          <p className="notice notice-error" role="alert">
            {describeError(demo.error)}
          </p>
        )}

        {methods.demoIdentities.length > 0 && (
          <section aria-labelledby="demo-identities" className="sign-in-section">
            <h2 id="demo-identities">Demo identities</h2>
            <ul className="demo-identities">
              {methods.demoIdentities.map((identity) => (
                <li key={identity.key}>
                  <button type="button" disabled={busy} onClick={() => demo.mutate(identity.key)}>
                    <span className="demo-name">Sign in as {identity.name}</span>
                    <span className="demo-detail">{identity.description}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {methods.oauth && (
          <section aria-labelledby="oauth-sign-in" className="sign-in-section">
            <h2 id="oauth-sign-in">Your Zendesk account</h2>
            <a className="button-primary sign-in-oauth" href={oauthStartUrl(next)}>
              Sign in with Zendesk
            </a>
            <p className="cell-muted">
              {connection.kind === 'sandbox'
                ? 'Runs the real OAuth flow against the sandbox’s consent page.'
                : `You will be asked on ${connection.host} to let Roster act for you.`}
            </p>
          </section>
        )}

        {methods.apiToken && (
          <details
            className="sign-in-section"
            open={!methods.oauth || token.isError || fieldErrors.length > 0}
          >
            <summary>Sign in with an email and API token</summary>
            <form className="token-form" onSubmit={submitToken} noValidate>
              <label>
                Email
                <input name="email" type="email" autoComplete="username" required />
              </label>
              <label>
                API token
                <input name="token" type="password" autoComplete="off" required />
              </label>
              {tokenError && (
                <p className="field-error" role="alert">
                  {tokenError}
                </p>
              )}
              <button type="submit" disabled={busy}>
                {token.isPending ? 'Checking…' : 'Sign in'}
              </button>
              <p className="cell-muted">
                The token stays on Roster’s server. Zendesk stops accepting API tokens on 30 April 2027;
                prefer signing in with Zendesk.
              </p>
            </form>
          </details>
        )}
      </div>
    </main>
  );
}
