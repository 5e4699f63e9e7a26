import type { SandboxDatabase } from '../db/open-database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

export type SandboxDeps = { db: SandboxDatabase; jobs: JobQueue };
