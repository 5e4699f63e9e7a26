import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config.ts';
import { basicTokenAuthorization, type Upstream } from './proxy/forward-to-upstream.ts';
import { type Connection, createRosterApp } from './roster-app.ts';
import { createSandbox, type Sandbox } from './sandbox/create-sandbox.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from './sandbox/demo-identities.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SANDBOX_BASE_PATH = '/sandbox';

export type RunningServer = {
  /** e.g. `http://127.0.0.1:4780` */
  url: string;
  /** The sandbox's API base URL, when the sandbox is embedded. */
  sandboxApiUrl: string | undefined;
  close(): Promise<void>;
};

export async function startServer(
  config: ServerConfig,
  log: (message: string) => void = console.log,
): Promise<RunningServer> {
  let sandbox: Sandbox | undefined;
  let upstream: Upstream;
  let connection: Connection;
  if (config.upstream.kind === 'sandbox') {
    sandbox = createSandbox({
      ...config.sandbox,
      databaseFile: join(config.dataDir, 'sandbox.sqlite'),
      basePath: SANDBOX_BASE_PATH,
      log,
    });
    const embedded = sandbox.app;
    upstream = {
      baseUrl: '',
      authorization: basicTokenAuthorization(DEMO_IDENTITIES[config.sandbox.identity].email, DEMO_API_TOKEN),
      fetch: (request) => embedded.fetch(request),
    };
    connection = { kind: 'sandbox' };
  } else {
    const { url, email, token } = config.upstream;
    upstream = { baseUrl: url, authorization: basicTokenAuthorization(email ?? '', token ?? ''), fetch };
    connection = { kind: 'zendesk', host: new URL(url).host };
  }
  let listeningPort = config.port;
  const app = createRosterApp({
    upstream,
    connection,
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
  if (sandbox) upstream.baseUrl = `${url}${SANDBOX_BASE_PATH}`;

  return {
    url,
    sandboxApiUrl: sandbox ? `${url}${SANDBOX_BASE_PATH}/api/v2` : undefined,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await sandbox?.close();
    },
  };
}
