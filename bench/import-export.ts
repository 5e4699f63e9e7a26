import { type Result, result } from './result.ts';
import { rssMB } from './select-all-removal.ts';
import { summarize } from './stats.ts';

type Landmark = { id: number; name: string; members: number };
type Review = { review: { counts: Record<string, number>; requests: number } };

/** Reads an export to its end as a slow client would not: as fast as the server sends, counting rows and the server's memory. */
async function streamExport(url: string, pid: number) {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const before = rssMB(pid);
  let peak = before;
  let lines = 0;
  let chunks = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (const byte of chunk.value) if (byte === 0x0a) lines++;
    if (++chunks % 50 === 0) peak = Math.max(peak, rssMB(pid));
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: lines - 1, seconds, before, peak: Math.max(peak, rssMB(pid)) };
}

async function reviewOnce(serverUrl: string, csv: string, mode: 'add' | 'exactly') {
  const started = performance.now();
  const response = await fetch(`${serverUrl}/roster/imports/review`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'group_memberships', mode, csv }),
  });
  if (!response.ok) throw new Error(`review answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as Review;
  return { ms: performance.now() - started, requests: body.review.requests, counts: body.review.counts };
}

/** A 2,000-row file: the first agents of the account, each into some of the account's first groups. */
async function twoThousandRows(serverUrl: string): Promise<string> {
  const auth = {
    authorization: `Basic ${Buffer.from('admin@roster.example/token:roster-sandbox-token').toString('base64')}`,
  };
  const api = `${serverUrl}/sandbox/api/v2`;
  const groups = (
    (await (await fetch(`${api}/groups?page[size]=10`, { headers: auth })).json()) as {
      groups: { name: string }[];
    }
  ).groups;
  const emails: string[] = [];
  let after: string | null = null;
  while (emails.length < 1000) {
    const page = (await (
      await fetch(`${api}/users?role[]=agent&page[size]=100${after ? `&page[after]=${after}` : ''}`, {
        headers: auth,
      })
    ).json()) as { users: { email: string }[]; meta: { has_more: boolean; after_cursor: string | null } };
    emails.push(...page.users.map((user) => user.email));
    if (!page.meta.has_more) break;
    after = page.meta.after_cursor;
  }
  const rows = ['email,group'];
  for (let i = 0; rows.length <= 2000; i++) {
    const email = emails[i % emails.length];
    const group = groups[(Math.floor(i / emails.length) + i) % groups.length];
    rows.push(`${email},"${group?.name}"`);
  }
  return rows.join('\n');
}

/**
 * Export and import on the seeded server: rows per second of a group and of the account's
 * organization memberships (1,000,000 on the large seed) with the server's memory meanwhile, and
 * the time and upstream requests a 2,000-row import's review takes.
 */
export async function measureImportExport(
  serverUrl: string,
  pid: number,
  bigGroup: Landmark,
  repetitions: number,
  log: (line: string) => void,
): Promise<Result[]> {
  const groupRuns = [];
  for (let i = 0; i < repetitions; i++)
    groupRuns.push(
      await streamExport(`${serverUrl}/roster/exports/group_memberships.csv?group_id=${bigGroup.id}`, pid),
    );
  log(`  exporting every organization membership of the account`);
  const account = await streamExport(`${serverUrl}/roster/exports/organization_memberships.csv`, pid);
  const csv = await twoThousandRows(serverUrl);
  const adds = [];
  const exactly = [];
  for (let i = 0; i < repetitions; i++) adds.push(await reviewOnce(serverUrl, csv, 'add'));
  for (let i = 0; i < repetitions; i++) exactly.push(await reviewOnce(serverUrl, csv, 'exactly'));
  return [
    result({
      id: 'export.group.rowsPerSecond',
      label: `Export ${bigGroup.name} (${groupRuns[0]?.rows.toLocaleString('en-US')} rows)`,
      value: summarize(groupRuns.map((run) => run.rows / run.seconds)),
      unit: 'rows/s',
    }),
    result({
      id: 'export.organizations.rowsPerSecond',
      label: `Export all organization memberships (${account.rows.toLocaleString('en-US')} rows, ${account.seconds.toFixed(1)} s)`,
      value: account.rows / account.seconds,
      unit: 'rows/s',
    }),
    result({
      id: 'export.organizations.serverRss',
      label: `Server RSS during that export (${account.before.toFixed(0)} MB before it)`,
      value: account.peak,
      unit: 'MB',
    }),
    result({
      id: 'import.review2000.add',
      label: `Review a 2,000-row group import, "add" (${adds[0]?.requests} upstream requests)`,
      value: summarize(adds.map((run) => run.ms)),
      unit: 'ms',
    }),
    result({
      id: 'import.review2000.exactly',
      label: `Review the same file, "exactly this" (${exactly[0]?.requests} upstream requests, ${exactly[0]?.counts.remove} removals)`,
      value: summarize(exactly.map((run) => run.ms)),
      unit: 'ms',
    }),
  ];
}
