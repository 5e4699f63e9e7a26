import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config.ts';
import { basicTokenAuthorization, type Upstream } from './proxy/forward-to-upstream.ts';
import { type BoxConnection, type Connection, createRosterApp } from './roster-app.ts';
import { BOX_DEMO_IDENTITIES } from './sandbox/box/box-demo-identities.ts';
import { createSandbox, type Sandbox } from './sandbox/create-sandbox.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from './sandbox/demo-identities.ts';

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
  close(): Promise<void>;
};

export async function startServer(
  config: ServerConfig,
  log: (message: string) => void = console.log,
): Promise<RunningServer> {
  const usesSandbox = config.upstream.kind === 'sandbox' || config.box.kind === 'sandbox';
  const sandbox: Sandbox | undefined = usesSandbox
    ? createSandbox({
        ...config.sandbox,
        databaseFile: join(config.dataDir, 'sandbox.sqlite'),
        basePath: SANDBOX_BASE_PATH,
        log,
      })
    : undefined;
  const embedded = sandbox && ((request: Request) => sandbox.app.fetch(request));
  let upstream: Upstream;
  let connection: Connection;
  if (config.upstream.kind === 'sandbox' && embedded) {
    upstream = {
      baseUrl: '',
      authorization: basicTokenAuthorization(DEMO_IDENTITIES[config.sandbox.identity].email, DEMO_API_TOKEN),
      fetch: embedded,
    };
    connection = { kind: 'sandbox' };
  } else {
    const { url, email, token } = config.upstream as { url: string; email?: string; token?: string };
    upstream = { baseUrl: url, authorization: basicTokenAuthorization(email ?? '', token ?? ''), fetch };
    connection = { kind: 'zendesk', host: new URL(url).host };
  }
  let boxUpstream: Upstream;
  let boxConnection: BoxConnection;
  if (config.box.kind === 'sandbox' && embedded) {
    boxUpstream = {
      baseUrl: '',
      authorization: `Bearer ${BOX_DEMO_IDENTITIES[config.box.identity].token}`,
      fetch: embedded,
    };
    boxConnection = { kind: 'sandbox' };
  } else {
    const { url, token } = config.box as { url: string; token: string };
    boxUpstream = { baseUrl: url, authorization: `Bearer ${token}`, fetch };
    boxConnection = { kind: 'box', host: new URL(url).host };
  }
  let listeningPort = config.port;
  const app = createRosterApp({
    upstream,
    connection,
    box: { upstream: boxUpstream, connection: boxConnection },
    distDir: join(PROJECT_ROOT, 'dist'),
    ...(sandbox && { sandbox: sandbox.app }),
    allowedHostNames: config.allowedHostNames,
    port: () => listeningPort,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
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

  return {
    url,
    sandboxApiUrl: config.upstream.kind === 'sandbox' ? `${url}${SANDBOX_BASE_PATH}/api/v2` : undefined,
    boxSandboxApiUrl: config.box.kind === 'sandbox' ? `${url}${BOX_SANDBOX_BASE_PATH}/2.0` : undefined,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await sandbox?.close();
    },
  };
}
