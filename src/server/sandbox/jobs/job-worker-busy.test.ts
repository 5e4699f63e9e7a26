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

/**
 * A sandbox database with one queued job of removals, and a second connection to the same file
 * that can hold the write lock. The worker's connection refuses at once when the file is locked
 * (as after busy_timeout's 5 s), so the tests need not wait that long.
 */
function busyDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'roster-busy-'));
  const db = openDatabase(join(dir, 'sandbox.sqlite'));
  const other = new Database(join(dir, 'sandbox.sqlite'));
  db.pragma('busy_timeout = 0');
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO job_statuses (id, job_type, kind, status, total, payload, requested_by, created_at, updated_at)
     VALUES ('busyjob', 'Bulk Delete Group Memberships', 'group_memberships.destroy_many', 'queued', ?, ?, 380000001, ?, ?)`,
  ).run(ITEMS, JSON.stringify([...Array(ITEMS).keys()].map((n) => 400999000 + n)), now, now);
  let locked = false;
  const lock = {
    take: () => {
      other.exec('BEGIN IMMEDIATE');
      locked = true;
    },
    release: () => {
      if (locked) other.exec('COMMIT');
      locked = false;
    },
  };
  const state = () =>
    db.prepare(`SELECT status, progress FROM job_statuses WHERE id = 'busyjob'`).get() as {
      status: string;
      progress: number;
    };
  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!done() && Date.now() < deadline) await sleep(2);
  };
  cleanup = () => {
    lock.release();
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { db, lock, state, until };
}

describe('a job whose writes meet a busy database', () => {
  it('tries an item again when another connection holds the write lock, and finishes every item', async () => {
    const { db, lock, state, until } = busyDatabase();
    // The lock is let go as soon as the worker says anything of the refusal, so the worker's next
    // write, whether a retry or a failure, finds the database free.
    const worker = new JobWorker(db, { itemDelayMs: 40, log: lock.release });
    worker.start();
    await until(() => state().status === 'working');
    // Another connection takes the write lock between the job's start and its first item.
    lock.take();
    await until(() => ['completed', 'failed'].includes(state().status));
    await worker.stop();

    expect(state()).toEqual({ status: 'completed', progress: ITEMS });
    expect(db.prepare(`SELECT count(*) FROM job_results`).pluck().get()).toBe(ITEMS);
  });

  it('leaves the job to the next start when it is stopped while the database is busy', async () => {
    const { db, lock, state, until } = busyDatabase();
    lock.take();
    let refusals = 0;
    let stopping = false;
    // Once stopping, the lock goes with anything the worker says, so a failure it would write
    // after that would be written.
    const first = new JobWorker(db, {
      itemDelayMs: 0,
      log: () => {
        refusals++;
        if (stopping) lock.release();
      },
    });
    first.start();
    await until(() => refusals > 0);
    stopping = true;
    await first.stop();
    lock.release();
    expect(state()).toEqual({ status: 'queued', progress: 0 });

    const next = new JobWorker(db, { itemDelayMs: 0 });
    next.start();
    await until(() => state().status === 'completed');
    await next.stop();
    expect(state()).toEqual({ status: 'completed', progress: ITEMS });
  });
});
