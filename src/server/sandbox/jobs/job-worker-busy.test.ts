import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { JobWorker } from './job-worker.ts';

const ITEMS = 5;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function jobState(db: Database.Database) {
  return db.prepare(`SELECT status, progress, message FROM job_statuses WHERE id = 'busyjob'`).get() as {
    status: string;
    progress: number;
    message: string | null;
  };
}

describe('a job whose writes meet a busy database', () => {
  it('tries an item again when another connection holds the write lock, and finishes every item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-busy-'));
    const db = openDatabase(join(dir, 'sandbox.sqlite'));
    const other = new Database(join(dir, 'sandbox.sqlite'));
    // The lock is let go as soon as the worker says anything of the refusal, so the worker's next
    // write, whether a retry or a failure, finds the database free.
    let locked = false;
    const release = () => {
      if (locked) other.exec('COMMIT');
      locked = false;
    };
    const worker = new JobWorker(db, { itemDelayMs: 40, log: release });
    cleanup = () => {
      release();
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    };
    // Refused at once, as a lock held past the timeout would be after 5 s.
    db.pragma('busy_timeout = 0');
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO job_statuses (id, job_type, kind, status, total, payload, requested_by, created_at, updated_at)
       VALUES ('busyjob', 'Bulk Delete Group Memberships', 'group_memberships.destroy_many', 'queued', ?, ?, 380000001, ?, ?)`,
    ).run(ITEMS, JSON.stringify([...Array(ITEMS).keys()].map((n) => 400999000 + n)), now, now);

    worker.start();
    while (jobState(db).status !== 'working') await sleep(1);
    // Another connection takes the write lock between the job's start and its first item.
    other.exec('BEGIN IMMEDIATE');
    locked = true;
    const deadline = Date.now() + 10_000;
    while (!['completed', 'failed'].includes(jobState(db).status) && Date.now() < deadline) await sleep(10);
    await worker.stop();

    expect(jobState(db)).toMatchObject({ status: 'completed', progress: ITEMS });
    const results = db.prepare(`SELECT count(*) FROM job_results`).pluck().get();
    expect(results).toBe(ITEMS);
  });
});
