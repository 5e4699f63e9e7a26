import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchScale } from './options.ts';
import { PROJECT_ROOT } from './project-root.ts';

const CACHE_DIR = join(PROJECT_ROOT, 'bench', '.cache');
const SEED_SOURCES = [join('src', 'server', 'sandbox', 'seed'), join('src', 'server', 'sandbox', 'db')];

/** Changes whenever the seed or the schema does, so a stale cached database is never measured. */
function seedFingerprint(): string {
  const hash = createHash('sha256');
  for (const folder of SEED_SOURCES) {
    for (const name of readdirSync(join(PROJECT_ROOT, folder)).sort()) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(PROJECT_ROOT, folder, name)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The seeded database for `scale`, made once with `npm run seed` and kept in bench/.cache (git
 * ignores it); an older file left by a previous seed is removed.
 */
export function cachedSeed(scale: BenchScale | 'demo', log: (line: string) => void): string {
  const file = join(CACHE_DIR, `${scale}-${seedFingerprint()}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const name of readdirSync(CACHE_DIR)) {
    if (name.startsWith(`${scale}-`)) rmSync(join(CACHE_DIR, name), { force: true });
  }
  log(`Seeding the ${scale} dataset once into ${file} …`);
  const partial = `${file}.partial`;
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/sandbox/seed/seed-cli.ts',
      '--scale',
      scale,
      '--file',
      partial,
      '--force',
    ],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // Renamed only once complete, so an interrupted seed is never mistaken for a cached one.
  renameSync(partial, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  return file;
}

/** A data directory holding a copy of the cached database: the bench adds members, the cache stays as seeded. */
export function copyIntoDataDir(seedFile: string): { dataDir: string; databaseFile: string; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-bench-'));
  const databaseFile = join(dataDir, 'sandbox.sqlite');
  copyFileSync(seedFile, databaseFile);
  return { dataDir, databaseFile, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
