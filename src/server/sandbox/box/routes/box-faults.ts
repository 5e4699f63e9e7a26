import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDatabase } from '../../db/open-database.ts';
import { type FaultInjector, faultsSchema, NO_FAULTS } from '../../http/fault-injection.ts';
import { boxAccess } from '../http/box-access.ts';
import type { BoxEnv } from '../http/box-env.ts';
import { readBoxBody } from '../http/box-input.ts';

/**
 * The Box sandbox's own fault control, outside `/2.0` so the Roster proxy never forwards it:
 * `PUT {base}/box/_sandbox/faults` with `{"faults":{…}}`, as for the Zendesk sandbox.
 */
export function boxFaultRoutes(db: SandboxDatabase, faults: FaultInjector) {
  const app = new Hono<BoxEnv>();
  const access = boxAccess(db);
  app.get('/faults', (c) => {
    access.requireAdmin(c.get('boxIdentity'));
    return c.json({ faults: faults.current() });
  });
  app.put('/faults', async (c) => {
    access.requireAdmin(c.get('boxIdentity'));
    faults.replace((await readBoxBody(c, z.object({ faults: faultsSchema }))).faults);
    return c.json({ faults: faults.current() });
  });
  app.delete('/faults', (c) => {
    access.requireAdmin(c.get('boxIdentity'));
    faults.replace(NO_FAULTS);
    return c.json({ faults: faults.current() });
  });
  return app;
}
