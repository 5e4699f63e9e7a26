import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Context } from 'hono';
import { OAUTH_SCOPES } from '../contract/oauth.ts';
import type { BoxConnection, Connection } from '../contract/roster-session.ts';
import type { ServerConfig } from './config.ts';
import { importRoutes } from './imports/import-routes.ts';
import type { ActorCredentials } from './operations/actor-credentials.ts';
import { recordBoxChanges } from './operations/box-change-recorder.ts';
import { recordSingleChanges } from './operations/change-recorder.ts';
import { identifyEnvironmentUser } from './operations/identify-environment-user.ts';
import { createOperationEvents, type OperationEventRelay } from './operations/operation-events.ts';
import { type Identify, operationRoutes } from './operations/operation-routes.ts';
import { type OperationRunner, startOperationRunner } from './operations/operation-runner.ts';
import type { Upstream } from './proxy/upstream.ts';
import { createRosterApp } from './roster-app.ts';
import { BOX_DEMO_IDENTITIES } from './sandbox/box/box-demo-identities.ts';
import { createSandbox, type Sandbox } from './sandbox/create-sandbox.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES, DEMO_OAUTH_CLIENT } from './sandbox/demo-identities.ts';
import { clientErrorResponder } from './security/client-error-response.ts';
import { securityHeaderPairs } from './security/security-headers.ts';
import type { OAuthClient, OAuthProvider } from './session/oauth-client.ts';
import { createSecretBox, loadSessionKey } from './session/secret-box.ts';
import { createSessionAuth, type SessionAuthOptions } from './session/session-auth.ts';
import { signInRoutes } from './session/sign-in-routes.ts';
import { authorizationHeader, type UpstreamCredential } from './session/upstream-credential.ts';
import { openPostgresOperationRelay, type PostgresOperationRelay } from './store/postgres-operation-relay.ts';
import { openRosterDatabase, type RosterDatabase } from './store/roster-database.ts';
import { openOperationStore } from './store/roster-operation-store.ts';
import { openSessionStore, type SessionStore } from './store/session-store.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SANDBOX_BASE_PATH = '/sandbox';
/** Box clients take this as their base URL and add `/2.0/...`. */
export const BOX_SANDBOX_BASE_PATH = `${SANDBOX_BASE_PATH}/box`;

export type RunningServer = {
  /** e.g. `http://127.0.0.1:4780` */
  url: string;
  /** The sandbox's API base URL, when the sandbox is embedded. */
  sandboxApiUrl: string | undefined;
  /** The Box sandbox's API base URL (ending in `/2.0`), when it is embedded. */
  boxSandboxApiUrl: string | undefined;
  /** Where sessions, operations and history are kept (no password), and this instance's id there. */
  store: { description: string; instanceId: string; shared: boolean };
  close(): Promise<void>;
};

export async function startServer(
  config: ServerConfig,
  log: (message: string) => void = console.log,
): Promise<RunningServer> {
  // First: a store that cannot be opened stops the start before anything else is running.
  const database = await openRosterDatabase(config.store, log);
  try {
    return await startOnStore(database, config, log);
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function startOnStore(
  database: RosterDatabase,
  config: ServerConfig,
  log: (message: string) => void,
): Promise<RunningServer> {
  /** Names this process in operation leases and events; a new one each start. */
  const instanceId = randomBytes(5).toString('hex');
  const usesSandbox = config.upstream.kind === 'sandbox' || config.box.kind === 'sandbox';
  const sandbox: Sandbox | undefined = usesSandbox
    ? createSandbox({
        ...config.sandbox,
        databaseFile: join(config.dataDir, 'sandbox.sqlite'),
        basePath: SANDBOX_BASE_PATH,
        log,
        oauthRedirectUris: config.publicUrl ? [`${config.publicUrl}/roster/oauth/callback`] : [],
        boxOAuthRedirectUris: config.publicUrl ? [`${config.publicUrl}/roster/box/oauth/callback`] : [],
      })
    : undefined;
  const embedded = sandbox && ((request: Request) => sandbox.app.fetch(request));
  let upstream: Upstream;
  let connection: Connection;
  /** Set: everyone acts with this credential and there is no sign-in. */
  let environmentCredential: UpstreamCredential | undefined;
  let oauthClient: OAuthClient | undefined;
  if (config.upstream.kind === 'sandbox' && embedded) {
    upstream = { baseUrl: '', fetch: embedded };
    connection = { kind: 'sandbox' };
    const identity = config.sandbox.identity;
    if (identity) {
      environmentCredential = {
        kind: 'apiToken',
        email: DEMO_IDENTITIES[identity].email,
        token: DEMO_API_TOKEN,
      };
    }
    oauthClient = { id: DEMO_OAUTH_CLIENT.identifier, secret: DEMO_OAUTH_CLIENT.secret };
  } else {
    const { url, apiToken } = config.upstream as Extract<ServerConfig['upstream'], { kind: 'zendesk' }>;
    upstream = { baseUrl: url, fetch };
    connection = { kind: 'zendesk', host: new URL(url).host };
    if (apiToken) environmentCredential = { kind: 'apiToken', ...apiToken };
    oauthClient = config.upstream.oauthClient;
  }

  const zendeskOAuth: OAuthProvider | undefined = oauthClient && {
    name: 'Zendesk',
    upstream,
    tokenPath: '/oauth/tokens',
    bodyFormat: 'json',
    client: oauthClient,
    pkce: true,
    authorizeParams: { scope: OAUTH_SCOPES.join(' ') },
    tokenFields: { scope: OAUTH_SCOPES.join(' '), expires_in: config.oauthAccessTokenSeconds },
  };

  let boxUpstream: Upstream;
  let boxConnection: BoxConnection;
  /** The server's one Box credential, lent to admins; undefined when each person connects their own. */
  let boxAuthorization: string | undefined;
  let boxOAuth: (OAuthProvider & { authorizeUrl: string }) | undefined;
  if (config.box.kind === 'sandbox' && embedded) {
    boxUpstream = { baseUrl: '', fetch: embedded };
    boxConnection = { kind: 'sandbox' };
    boxAuthorization = `Bearer ${BOX_DEMO_IDENTITIES[config.box.identity].token}`;
  } else {
    const box = config.box as Exclude<ServerConfig['box'], { kind: 'sandbox' }>;
    boxUpstream = { baseUrl: box.url, fetch };
    boxConnection = { kind: 'box', host: new URL(box.url).host };
    if (box.kind === 'box') boxAuthorization = `Bearer ${box.token}`;
    else {
      boxOAuth = {
        name: 'Box',
        upstream: boxUpstream,
        tokenPath: '/oauth2/token',
        bodyFormat: 'form',
        client: box.client,
        pkce: false,
        authorizeParams: {},
        tokenFields: {},
        authorizeUrl: box.authorizeUrl,
      };
    }
  }

  const box = createSecretBox(loadSessionKey(config.dataDir, config.session.secret));
  const secureCookie = config.publicUrl?.startsWith('https:') ?? false;
  let sessions: SessionStore | undefined;
  let authOptions: SessionAuthOptions;
  if (environmentCredential) {
    authOptions = { mode: 'environment', credential: environmentCredential };
  } else {
    sessions = await openSessionStore({
      database,
      box,
      idleMs: config.session.idleMs,
      maxAgeMs: config.session.maxAgeMs,
      demo: { idleMs: config.session.demoIdleMs, limit: config.session.demoLimit },
    });
    authOptions = {
      mode: 'signIn',
      store: sessions,
      secureCookie,
      maxAgeMs: config.session.maxAgeMs,
      oauth: zendeskOAuth,
      boxOAuth,
      log,
    };
  }
  const auth = createSessionAuth(authOptions);
  // The embedded sandbox's pages are on this server, at whatever origin the browser used.
  const authorizeBase = (c: Context) =>
    config.upstream.kind === 'sandbox'
      ? `${config.publicUrl ?? new URL(c.req.url).origin}${SANDBOX_BASE_PATH}`
      : upstream.baseUrl;

  const operationStore = openOperationStore(database);
  // On a shared store a browser's event stream may be on another instance than the operation.
  const relay: PostgresOperationRelay | undefined =
    config.store.kind === 'postgres' && database.pool
      ? await openPostgresOperationRelay({ url: config.store.url, pool: database.pool, instanceId, log })
      : undefined;
  const operationEvents = createOperationEvents(relay ? { relay: relay satisfies OperationEventRelay } : {});
  const credentials: ActorCredentials = {
    async credential(provider, actorId) {
      const zendesk = await auth.credentialOfUser('zendesk', actorId);
      if (provider === 'zendesk' || zendesk.kind !== 'ok') {
        return zendesk.kind === 'ok'
          ? { kind: 'ok', authorization: authorizationHeader(zendesk.credential) }
          : zendesk;
      }
      // The server's one Box credential is lent to whoever may use Box while they are signed in.
      if (boxAuthorization !== undefined) return { kind: 'ok', authorization: boxAuthorization };
      const box = await auth.credentialOfUser('box', actorId);
      return box.kind === 'ok' ? { kind: 'ok', authorization: authorizationHeader(box.credential) } : box;
    },
    refused(provider, actorId, authorization) {
      return auth.refusedForUser(provider, actorId, authorization);
    },
  };
  const identify: Identify = environmentCredential
    ? identifyEnvironmentUser(upstream, authorizationHeader(environmentCredential))
    : async (c) => {
        const session = await auth.currentSession(c);
        return (
          session && {
            actor: { id: String(session.user.id), name: session.user.name, email: session.user.email },
            role: session.user.role,
          }
        );
      };
  let runner: OperationRunner | undefined;
  const runnerHandle: OperationRunner = {
    wake: () => runner?.wake(),
    stop: async () => runner?.stop(),
    peakJobsInFlight: () => runner?.peakJobsInFlight() ?? 0,
  };

  let listeningPort = config.port;
  const app = createRosterApp({
    upstream,
    connection,
    box: { upstream: boxUpstream, connection: boxConnection, authorization: boxAuthorization },
    auth,
    signInRoutes: signInRoutes({
      auth,
      upstream,
      connection,
      box,
      publicUrl: config.publicUrl,
      secureCookie,
      authorizeBase,
      boxConnect: boxOAuth && { authorizeUrl: boxOAuth.authorizeUrl },
      signInLimits: config.signInLimits,
      log,
    }),
    operationRoutes: operationRoutes({
      store: operationStore,
      runner: runnerHandle,
      events: operationEvents,
      credentials,
      identify,
      zendesk: upstream,
      box: boxUpstream,
    }),
    importRoutes: importRoutes({
      store: operationStore,
      credentials,
      identify,
      zendesk: upstream,
      box: boxUpstream,
    }),
    membershipChanges: operationEvents,
    recordChanges: recordSingleChanges({
      store: operationStore,
      events: operationEvents,
      identify,
      zendesk: upstream,
      authorization: (c) => c.get('upstreamAuthorization'),
    }),
    recordBoxChanges: (authorization) =>
      recordBoxChanges({
        store: operationStore,
        events: operationEvents,
        identify,
        box: boxUpstream,
        authorization,
      }),
    ...(config.logRequests && { logRequest: log }),
    ...(config.publicUrl && { publicUrl: config.publicUrl }),
    distDir: join(PROJECT_ROOT, 'dist'),
    ssr: { ssrDir: join(PROJECT_ROOT, 'dist-ssr'), timeoutMs: config.ssrTimeoutMs },
    ...(sandbox && { sandbox: sandbox.app }),
    allowedHostNames: config.allowedHostNames,
    port: () => listeningPort,
  });

  const refusalHeaders = await securityHeaderPairs();
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  server.on('clientError', clientErrorResponder(refusalHeaders));
  // Node closes idle keep-alive connections after 5 s; a client reusing one at that moment gets a
  // reset. A longer idle window (and a header timeout above it) makes that race practically vanish.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const { port } = server.address() as AddressInfo;
  listeningPort = port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (config.upstream.kind === 'sandbox') upstream.baseUrl = `${url}${SANDBOX_BASE_PATH}`;
  if (config.box.kind === 'sandbox') boxUpstream.baseUrl = `${url}${BOX_SANDBOX_BASE_PATH}`;
  // After listening: the embedded sandbox's base URL is known only now.
  runner = await startOperationRunner({
    store: operationStore,
    instanceId,
    exclusive: database.dialect === 'sqlite',
    upstreams: { zendesk: upstream, box: boxUpstream },
    credentials,
    maxJobsInFlight: config.operations.maxJobsInFlight,
    onChange: operationEvents.changed,
    log,
  });
  const purge = () =>
    void operationStore
      .purge(Date.now() - config.operations.retentionMs)
      .catch((error: unknown) => log(String(error)));
  purge();
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();

  return {
    url,
    sandboxApiUrl: config.upstream.kind === 'sandbox' ? `${url}${SANDBOX_BASE_PATH}/api/v2` : undefined,
    boxSandboxApiUrl: config.box.kind === 'sandbox' ? `${url}${BOX_SANDBOX_BASE_PATH}/2.0` : undefined,
    store: { description: database.description, instanceId, shared: database.dialect === 'postgres' },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      clearInterval(purgeTimer);
      await runner?.stop();
      operationEvents.close();
      await relay?.close();
      await database.close();
      await sandbox?.close();
    },
  };
}
