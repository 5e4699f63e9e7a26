import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The servers the browser tests run against; `E2E_PORT` moves them all. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4791);

/** The Roster server with its embedded sandbox, where people sign in. */
export const SANDBOX_SERVER = { port: E2E_PORT, url: `http://127.0.0.1:${E2E_PORT}` };

/**
 * A second Roster configured as for a real Zendesk account (`ZENDESK_URL` and an OAuth client),
 * whose "Zendesk" is the first server's sandbox: the network path a real account takes.
 */
export const UPSTREAM_SERVER = { port: E2E_PORT + 1, url: `http://127.0.0.1:${E2E_PORT + 1}` };

/** Where the first server keeps its databases for this run, so the token scan can read what was issued. */
export const SANDBOX_SERVER_DATA_DIR = join(tmpdir(), `roster-e2e-${E2E_PORT}`);

/** A port for tests that start and stop a server of their own. */
export const SPARE_PORT = E2E_PORT + 2;

/**
 * A third Roster with a Box OAuth client (`BOX_CLIENT_ID`…) whose "Box" is the first server's Box
 * sandbox: each person connects their own Box account through its consent page.
 */
export const BOX_OAUTH_SERVER = { port: E2E_PORT + 3, url: `http://127.0.0.1:${E2E_PORT + 3}` };
