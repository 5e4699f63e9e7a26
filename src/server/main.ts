import { existsSync } from 'node:fs';
import { readConfig } from './config.ts';
import { BOX_DEMO_IDENTITIES } from './sandbox/box/box-demo-identities.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from './sandbox/demo-identities.ts';
import { startServer } from './start-server.ts';

async function main(): Promise<void> {
  // Settings may live in a .env file next to package.json; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readConfig();
  const server = await startServer(config);
  const lines = ['', 'Roster is running.', `  Dashboard:        ${server.url}/`];
  if (server.sandboxApiUrl) {
    lines.push(
      `  Sandbox API base: ${server.sandboxApiUrl}`,
      `  Demo credentials: ${DEMO_IDENTITIES.admin.email} with API token ${DEMO_API_TOKEN}`,
      `                    (Basic auth "{email}/token:{token}"; other identities in the README)`,
    );
  } else if (config.upstream.kind === 'zendesk') {
    lines.push(`  Zendesk:          ${config.upstream.url}`);
  }
  if (server.boxSandboxApiUrl) {
    lines.push(
      `  Box sandbox base: ${server.boxSandboxApiUrl.replace(/\/2\.0$/, '')}  (paths continue with /2.0/...)`,
      `  Box demo token:   Bearer ${BOX_DEMO_IDENTITIES.admin.token} (${BOX_DEMO_IDENTITIES.admin.login})`,
    );
  } else if (config.box.kind === 'box') {
    lines.push(`  Box:              ${config.box.url}`);
  }
  const actingAs =
    config.upstream.kind === 'zendesk'
      ? config.upstream.apiToken?.email
      : config.sandbox.identity && DEMO_IDENTITIES[config.sandbox.identity].email;
  lines.push(
    actingAs
      ? `  Sign-in:          none; everyone acts as ${actingAs} (set in the environment)`
      : `  Sign-in:          on the dashboard's sign-in page${server.sandboxApiUrl ? ' (one click for a demo identity)' : ''}`,
  );
  lines.push(
    `  Store:            ${server.store.description}${server.store.shared ? ` (shared; this is instance ${server.store.instanceId})` : ''}`,
  );
  lines.push('', 'Press Ctrl+C to stop.');
  console.log(lines.join('\n'));

  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
