import { z } from 'zod/mini';

export const jobStateSchema = z.enum(['queued', 'working', 'completed', 'failed', 'killed']);
export type JobState = z.infer<typeof jobStateSchema>;

export const FINAL_JOB_STATES: ReadonlySet<JobState> = new Set(['completed', 'failed', 'killed']);

export const jobResultSchema = z.looseObject({
  index: z.optional(z.int()),
  id: z.optional(z.int()),
  action: z.optional(z.string()),
  status: z.optional(z.string()),
  success: z.optional(z.boolean()),
  error: z.optional(z.string()),
  details: z.optional(z.string()),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobStatusSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  job_type: z.string(),
  total: z.nullable(z.int()),
  progress: z.nullable(z.int()),
  status: jobStateSchema,
  message: z.nullable(z.string()),
  results: z.nullable(z.array(jobResultSchema)),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobStatusEnvelopeSchema = z.looseObject({ job_status: jobStatusSchema });
export const jobStatusListSchema = z.looseObject({ job_statuses: z.array(jobStatusSchema) });
