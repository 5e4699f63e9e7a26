import { z } from 'zod/mini';

/** Zendesk timestamps: UTC ISO-8601 without milliseconds, e.g. `2023-09-10T00:03:20Z`. */
export const timestampSchema = z.string();

export function toZendeskTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
