import Database from 'better-sqlite3';

/**
 * The sandbox's own processing time for the jobs of one kind started after `watch()`: from the
 * first moment one of them is being worked on to the moment the last is final, read from the
 * database every 50 ms (job status timestamps have whole-second precision only).
 */
export function watchJobs(databaseFile: string, kind: string) {
  const db = new Database(databaseFile, { readonly: true });
  const since = db.prepare('SELECT coalesce(max(seq), 0) FROM job_statuses').pluck().get() as number;
  const jobs = db.prepare('SELECT status, total FROM job_statuses WHERE seq > ? AND kind = ?');
  let startedAt: number | undefined;
  let finishedAt: number | undefined;
  let items = 0;
  // Each moment lies between two samples; the clock takes the outer ends of those brackets, so a job
  // shorter than one sample still has a length (at most 100 ms more than the truth).
  let previousSampleAt = performance.now();
  const timer = setInterval(() => {
    const rows = jobs.all(since, kind) as { status: string; total: number }[];
    const now = performance.now();
    if (startedAt === undefined && rows.some((row) => row.status !== 'queued')) startedAt = previousSampleAt;
    const final = rows.filter((row) => row.status === 'completed' || row.status === 'failed');
    items = final.reduce((sum, row) => sum + row.total, 0);
    finishedAt = rows.length > 0 && final.length === rows.length ? (finishedAt ?? now) : undefined;
    previousSampleAt = now;
  }, 50);
  return {
    /** Stops watching once `expectedItems` are final; answers the processing time in ms. */
    async finished(expectedItems: number, timeoutMs: number): Promise<number> {
      const deadline = performance.now() + timeoutMs;
      try {
        while (items < expectedItems || finishedAt === undefined || startedAt === undefined) {
          if (performance.now() > deadline)
            throw new Error(`the sandbox finished ${items} of ${expectedItems} items`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return finishedAt - startedAt;
      } finally {
        clearInterval(timer);
        db.close();
      }
    },
  };
}
