import Database from 'better-sqlite3';
import { createCursorCodec, cursorScope } from '../src/server/sandbox/pagination/cursor-codec.ts';
import { loadCursorKey } from '../src/server/sandbox/pagination/cursor-key.ts';
import type { TestServer } from '../src/server/testing/test-server.ts';
import { type Summary, summarize } from './stats.ts';

export type ListLatency = { first: Summary; deep: Summary; deepRow: number };

export const LIST_PATH = '/organization_memberships';
const WARM_UP_CALLS = 3;

async function timedGet(server: TestServer, path: string): Promise<number> {
  const started = performance.now();
  const response = await server.api(path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return performance.now() - started;
}

/** Times two list requests `samples` times each, alternating them so both see the same noise. */
async function compare(server: TestServer, first: string, deep: string, samples: number) {
  for (let call = 0; call < WARM_UP_CALLS; call++) {
    await timedGet(server, first);
    await timedGet(server, deep);
  }
  const times = { first: [] as number[], deep: [] as number[] };
  for (let sample = 0; sample < samples; sample++) {
    times.first.push(await timedGet(server, first));
    times.deep.push(await timedGet(server, deep));
  }
  return { first: summarize(times.first), deep: summarize(times.deep) };
}

/**
 * Makes a cursor the way the sandbox on `databaseFile` does, with its secret (created there now if
 * the database has none yet, so call this before the server starts).
 */
export function sandboxCursorFor(databaseFile: string, listPath: string, values: number[]): string {
  const db = new Database(databaseFile);
  try {
    return createCursorCodec(loadCursorKey(db)).encode(cursorScope(listPath, 'id'), values);
  } finally {
    db.close();
  }
}

/**
 * Cursor pagination: the first page of organization_memberships against the page that starts at
 * row `deepRow` (900,000 of 1,000,000 at large scale). Reaching that page by following cursors would
 * take 9,000 requests, so its cursor (`deepCursor`, from `sandboxCursorFor`) names the row before
 * it (`rowBeforeId`); the answer is checked to start right after that row.
 */
export async function measureCursorLatency(
  server: TestServer,
  deepRow: number,
  rowBeforeId: number,
  deepCursor: string,
  samples: number,
): Promise<ListLatency> {
  const first = `${LIST_PATH}?page[size]=100`;
  const deep = `${LIST_PATH}?page[size]=100&page[after]=${deepCursor}`;
  const page = (await (await server.api(deep)).json()) as { organization_memberships: { id: number }[] };
  const firstId = page.organization_memberships[0]?.id;
  if (firstId === undefined || firstId <= rowBeforeId)
    throw new Error(`the deep cursor page starts at ${firstId}`);
  return { ...(await compare(server, first, deep, samples)), deepRow };
}

/** Offset pagination, which Zendesk stops at 10,000 records: page 1 against the deepest page allowed. */
export async function measureOffsetLatency(
  server: TestServer,
  rows: number,
  samples: number,
): Promise<ListLatency> {
  const lastPage = Math.max(1, Math.min(100, Math.ceil(rows / 100)));
  const first = `${LIST_PATH}?page=1&per_page=100`;
  const deep = `${LIST_PATH}?page=${lastPage}&per_page=100`;
  return { ...(await compare(server, first, deep, samples)), deepRow: (lastPage - 1) * 100 };
}
