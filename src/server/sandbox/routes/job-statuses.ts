import { Hono } from 'hono';
import { agentsOnly } from '../auth/permissions.ts';
import { listPage } from '../http/list-response.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordNotFound } from '../http/zendesk-errors.ts';
import { jobIdListQuery } from '../http/zendesk-validators.ts';
import {
  findJobRow,
  findJobRows,
  type JobStatusRow,
  jobVisibleSince,
  presentJob,
} from '../jobs/job-store.ts';

export function jobStatusRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  app.get('/job_statuses', agentsOnly, (c) => {
    const page = listPage<JobStatusRow>(
      c,
      db,
      {
        select: 'j.*',
        from: 'job_statuses j',
        where: ['j.created_at >= ?'],
        params: [jobVisibleSince()],
        sortName: 'newest',
        order: [{ column: 'j.seq', direction: 'desc' }],
      },
      'cursor-only',
    );
    const apiBase = c.get('apiBase');
    return c.json({ job_statuses: page.rows.map((row) => presentJob(db, row, apiBase)), ...page.fields });
  });
  app.get('/job_statuses/show_many', agentsOnly, jobIdListQuery, (c) => {
    const apiBase = c.get('apiBase');
    const rows = findJobRows(db, c.req.valid('query').ids);
    return c.json({ job_statuses: rows.map((row) => presentJob(db, row, apiBase)) });
  });
  app.get('/job_statuses/:id', agentsOnly, (c) => {
    const row = findJobRow(db, c.req.param('id'));
    if (!row) throw recordNotFound();
    return c.json({ job_status: presentJob(db, row, c.get('apiBase')) });
  });

  return app;
}
