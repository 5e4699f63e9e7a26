import { mutationOptions } from '@tanstack/react-query';
import {
  type ImportMode,
  type ImportReview,
  importReviewEnvelopeSchema,
  MAX_IMPORT_BYTES,
  type MembershipFileKind,
} from '../contract/membership-csv.ts';
import { apiRequest } from './api-client.ts';
import { ApiError } from './api-error.ts';

/** What the person gives the import: a file (its bytes go up as they are, so the server checks the encoding) or pasted text. */
export type ImportSource = { file: File } | { text: string };

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** The server's difference between the file and today, with the review that applies it. */
export async function reviewImport(
  kind: MembershipFileKind,
  mode: ImportMode,
  source: ImportSource,
): Promise<ImportReview> {
  let file: { csv: string } | { csv_base64: string };
  if ('file' in source) {
    // Said here at once, rather than after sending megabytes the server will refuse.
    if (source.file.size > MAX_IMPORT_BYTES) {
      throw new ApiError(
        'invalid',
        `The file is ${(source.file.size / 1024 / 1024).toFixed(1)} MB; an import may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
        { status: 413, code: 'FileTooLarge' },
      );
    }
    file = { csv_base64: base64Of(new Uint8Array(await source.file.arrayBuffer())) };
  } else file = { csv: source.text };
  const body = await apiRequest('/roster/imports/review', {
    method: 'POST',
    body: { kind, mode, ...file },
    schema: importReviewEnvelopeSchema,
  });
  return body.review;
}

/** The review of a file or paste for one kind and mode; nothing changes until the person applies it. */
export const reviewImportMutationOptions = (kind: MembershipFileKind, mode: ImportMode) =>
  mutationOptions({
    mutationKey: ['imports', 'review', kind, mode],
    mutationFn: (source: ImportSource) => reviewImport(kind, mode, source),
  });
