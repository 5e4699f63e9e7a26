import { z } from 'zod/mini';
import { EXPORT_TOTAL_HEADER, type MembershipFileKind } from '../contract/membership-csv.ts';
import { rosterErrorSchema } from '../contract/roster-operations.ts';
import { ApiError, kindOfStatus } from './api-error.ts';

/** What an export covers: the query of `/roster/exports/{kind}.csv` (a group, an organization, a person, a search). */
export type ExportScope = Partial<
  Record<
    'group_id' | 'organization_id' | 'user_id' | 'search' | 'name_start' | 'box_group_id' | 'box_user_id',
    string
  >
>;

export type ExportProgress = { rows: number; total: number };

export const exportPath = (kind: MembershipFileKind, scope: ExportScope) => {
  const query = new URLSearchParams(
    Object.entries(scope).filter((entry): entry is [string, string] => !!entry[1]),
  );
  return `/roster/exports/${kind}.csv${query.size > 0 ? `?${query}` : ''}`;
};

const fileNameSchema = z.string().check(z.regex(/^[\w.-]{1,120}$/));

/**
 * Downloads an export as the server streams it, reporting rows as they arrive against the total
 * the server sent first; resolves to the file, ready to save.
 */
export async function downloadExport(
  kind: MembershipFileKind,
  scope: ExportScope,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string; rows: number }> {
  const endpoint = `/roster/exports/${kind}.csv`;
  let response: Response;
  try {
    response = await fetch(exportPath(kind, scope), { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'Roster could not reach its server. Check the connection and retry.', {
      endpoint,
    });
  }
  if (!response.ok || !response.body) {
    const parsed = rosterErrorSchema.safeParse(await response.json().catch(() => undefined));
    const code = parsed.success ? parsed.data.error : undefined;
    throw new ApiError(
      kindOfStatus(response.status, code),
      parsed.success ? parsed.data.description : `The export failed (${response.status})`,
      { status: response.status, endpoint, ...(code !== undefined && { code }) },
    );
  }
  const total = Number(response.headers.get(EXPORT_TOTAL_HEADER) ?? 0);
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const fileName = fileNameSchema.safeParse(disposition).success ? (disposition as string) : `${kind}.csv`;
  const chunks: Uint8Array[] = [];
  let lines = 0;
  const reader = response.body.getReader();
  onProgress({ rows: 0, total });
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      for (const byte of chunk.value) if (byte === 0x0a) lines++;
      onProgress({ rows: Math.max(0, lines - 1), total: Math.max(total, lines - 1) });
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'The export stopped before its end; try again.', { endpoint });
  }
  return {
    blob: new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }),
    fileName,
    rows: Math.max(0, lines - 1),
  };
}
