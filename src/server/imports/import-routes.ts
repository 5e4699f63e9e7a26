import { Hono } from 'hono';
import {
  type ImportReview,
  importRequestSchema,
  type MembershipFileKind,
} from '../../contract/membership-csv.ts';
import type { ActorCredentials } from '../operations/actor-credentials.ts';
import type { Identify } from '../operations/operation-routes.ts';
import { OperationInputError } from '../operations/plan-draft.ts';
import {
  answerPlanningErrors,
  planSaver,
  planWithCredential,
  rosterError,
} from '../operations/plan-saving.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { OperationStore } from '../store/operation-store.ts';
import { importText, readImportFile } from './read-import-file.ts';
import { reviewBoxImport } from './review-box-import.ts';
import { reviewZendeskImport } from './review-zendesk-import.ts';

export type ImportRoutesOptions = {
  store: OperationStore;
  credentials: ActorCredentials;
  identify: Identify;
  zendesk: Upstream;
  box: Upstream;
  now?: () => number;
};

const readJson = async (request: Request): Promise<unknown> => {
  try {
    return await request.json();
  } catch {
    throw new OperationInputError(400, 'InvalidJson', 'The body is not valid JSON');
  }
};

/**
 * `POST /roster/imports/review`: reads the file, checks every line, compares it with today and
 * answers the difference, with the mixed-change review that applies it (started like any review,
 * `POST /roster/operations {"plan_id"}`, so an import is one operation in History).
 */
export function importRoutes(options: ImportRoutesOptions) {
  const draft = planWithCredential(options);
  const savePlan = planSaver(options.store, options.now ?? Date.now);
  const app = new Hono();
  app.post('/review', (c) =>
    answerPlanningErrors(c, async () => {
      const who = await options.identify(c);
      if (!who) return rosterError(c, 401, 'SignInRequired', 'Sign in to Roster to continue');
      const parsed = importRequestSchema.safeParse(await readJson(c.req.raw));
      if (!parsed.success || (parsed.data.csv === undefined) === (parsed.data.csv_base64 === undefined)) {
        return rosterError(
          c,
          400,
          'InvalidImport',
          'Send {"kind": "group_memberships" | "organization_memberships" | "box_group_memberships", "mode": "add" | "exactly", and "csv" (text) or "csv_base64" (the file\'s bytes)}',
        );
      }
      const request = parsed.data;
      const file = readImportFile(request.kind, importText(request));
      const kind: MembershipFileKind = request.kind;
      const planned = await draft(
        who.actor,
        (client) =>
          kind === 'box_group_memberships'
            ? reviewBoxImport(client, request.mode, file.rows)
            : reviewZendeskImport(
                client,
                kind === 'group_memberships' ? 'group' : 'organization',
                request.mode,
                file.rows,
              ),
        kind === 'box_group_memberships' ? 'box' : 'zendesk',
      );
      const { draft: difference, bad, already } = planned.result;
      const allBad = [...file.bad, ...bad].sort((a, b) => a.line - b.line);
      const unread = allBad.some((row) => row.reason === 'malformed_line' || row.reason === 'missing_value');
      if (
        unread &&
        request.mode === 'exactly' &&
        difference.operation.items.some((item) => item.action === 'remove')
      ) {
        difference.warnings.push(
          'Some lines could not be read: in "exactly this" mode the people on them count as not listed, so they may be among those removed. Fix those lines and review again before applying.',
        );
      }
      const count = (action: string) =>
        difference.operation.items.filter((item) => item.action === action).length;
      const plan =
        difference.operation.items.length === 0
          ? null
          : await savePlan(who.actor, {
              result: {
                ...difference,
                operation: { ...difference.operation, label: `Import: ${difference.operation.label}` },
              },
              requests: planned.requests,
            });
      const review: ImportReview = {
        kind,
        mode: request.mode,
        rows: file.dataRows,
        counts: {
          add: count('add'),
          remove: count('remove'),
          make_default: count('make_default'),
          set_role: count('set_role'),
          already,
          bad: allBad.length,
        },
        bad_rows: allBad,
        plan,
        requests: planned.requests,
      };
      return c.json({ review });
    }),
  );
  return app;
}
