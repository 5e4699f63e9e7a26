/**
 * Seeds a sandbox database file:
 *   node --import tsx src/server/sandbox/seed/seed-cli.ts [--scale tiny|demo|large] [--file path] [--force]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.ts';
import { seedDatabase } from './seed-database.ts';
import { isSeedScale, SEED_SCALES } from './seed-scales.ts';

const USAGE = `Usage: seed-cli [--scale ${SEED_SCALES.join('|')}] [--file path/to/sandbox.sqlite] [--force]`;

function main(): number {
  let values: { scale: string; file?: string; force: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string', default: 'demo' },
        file: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { scale } = values;
  if (!isSeedScale(scale)) {
    console.error(`Unknown --scale "${scale}": expected one of ${SEED_SCALES.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const file = values.file ?? join(process.env.DATA_DIR ?? '.data', 'sandbox.sqlite');

  if (values.force) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
  const started = performance.now();
  const db = openDatabase(file);
  try {
    const users = db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
    if (users > 0) {
      console.error(`${file} already holds ${users} users; pass --force to replace it.`);
      return 1;
    }
    console.log(`Seeding ${file} at ${scale} scale…`);
    const summary = seedDatabase(db, { scale });
    // Fold the WAL into the main file so the result is one self-contained file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const seconds = (performance.now() - started) / 1000;
    for (const [table, count] of Object.entries(summary)) {
      if (table !== 'scale')
        console.log(`  ${table.padEnd(24)} ${Number(count).toLocaleString('en-US').padStart(10)}`);
    }
    console.log(`Done in ${seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    db.close();
  }
}

process.exitCode = main();
