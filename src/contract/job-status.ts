import { z } from 'zod';

export const jobStateSchema = z.enum(['queued', 'working', 'completed', 'failed', 'killed']);
export type JobState = z.infer<typeof jobStateSchema>;

export const FINAL_JOB_STATES: ReadonlySet<JobState> = new Set(['completed', 'failed', 'killed']);

export const jobResultSchema = z.looseObject({
  index: z.number().int().optional(),
  id: z.number().int().optional(),
  action: z.string().optional(),
  status: z.string().optional(),
  success: z.boolean().optional(),
  error: z.string().optional(),
  details: z.string().optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobStatusSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  job_type: z.string(),
  total: z.number().int().nullable(),
  progress: z.number().int().nullable(),
  status: jobStateSchema,
  message: z.string().nullable(),
  results: z.array(jobResultSchema).nullable(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobStatusEnvelopeSchema = z.looseObject({ job_status: jobStatusSchema });
export const jobStatusListSchema = z.looseObject({ job_statuses: z.array(jobStatusSchema) });
