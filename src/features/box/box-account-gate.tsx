import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet, useLocation, useSearchParams } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import { boxKeys } from '../../api/box/box-keys.ts';
import { boxConnectUrl, disconnectBox, sessionKeys, sessionQueryOptions } from '../../api/session.ts';
import { ErrorState, LoadingRows } from '../../components/list-states.tsx';
import './box.css';

/** `?box_error=` after a Box OAuth round trip, as a fixed sentence (never text taken from the URL). */
const BOX_ERRORS: Record<string, string> = {
  denied: 'Box did not grant Roster access, so nothing was connected.',
  state: 'The Box sign-in took too long or came from another browser window. Try again.',
  exchange:
    'Box did not accept the sign-in it started. Try again; if it keeps failing, check BOX_CLIENT_ID and BOX_CLIENT_SECRET.',
  verify: 'Box granted access but would not say whose account it is. Try again.',
  unavailable: 'This Roster has no Box app configured.',
};

/**
 * The Box pages' frame when each person connects their own Box account: a "Connect your Box
 * account" button until they have, then the account's name and a way to disconnect above the page.
 * With one Box credential on the server (a developer token, the sandbox) it adds nothing.
 */
export function BoxAccountGate() {
  const session = useQuery(sessionQueryOptions());
  if (session.isError) {
    return <ErrorState what="Roster's server" error={session.error} onRetry={() => session.refetch()} />;
  }
  if (!session.data) return <LoadingRows label="Loading" rows={3} />;
  const { box } = session.data;
  if (!box.connect) return <Outlet />;
  if (!box.account) return <ConnectBox />;
  return (
    <>
      <BoxAccountBar account={box.account} />
      <Outlet />
    </>
  );
}

function ConnectBox() {
  const location = useLocation();
  const [params] = useSearchParams();
  const error = params.get('box_error');
  const rest = new URLSearchParams(params);
  rest.delete('box_error');
  const next = `${location.pathname}${rest.size > 0 ? `?${rest}` : ''}`;
  return (
    <section className="box-connect" aria-labelledby="box-connect-title">
      <h1 id="box-connect-title">Connect your Box account</h1>
      <p className="lede">
        Roster manages Box groups as you. Connect the Box account you use and Box decides what you may see and
        change; Roster keeps the Box tokens on its server, never in this browser, until you disconnect or sign
        out.
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {BOX_ERRORS[error] ?? 'Box was not connected. Try again.'}
        </p>
      )}
      <a className="button-primary box-connect-link" href={boxConnectUrl(next)}>
        Connect your Box account
      </a>
    </section>
  );
}

function BoxAccountBar({ account }: { account: { name: string; login: string } }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ kind: 'idle' | 'pending' } | { kind: 'failed'; reason: string }>({
    kind: 'idle',
  });
  const disconnect = async () => {
    setState({ kind: 'pending' });
    try {
      await disconnectBox();
    } catch (error) {
      setState({ kind: 'failed', reason: describeError(error) });
      return;
    }
    queryClient.removeQueries({ queryKey: boxKeys.all });
    await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
  };
  return (
    <section className="box-account" aria-label="Box account">
      <span>
        Box account: <strong>{account.name}</strong> <span className="cell-muted">{account.login}</span>
      </span>
      <button
        type="button"
        className="button-quiet"
        disabled={state.kind === 'pending'}
        title={state.kind === 'failed' ? `Could not disconnect: ${state.reason}` : undefined}
        onClick={() => void disconnect()}
      >
        {state.kind === 'failed' ? 'Disconnect failed, retry' : 'Disconnect Box'}
      </button>
    </section>
  );
}
