import { Hono } from 'hono';
import { z } from 'zod';
import { type FaultInjector, faultsSchema, NO_FAULTS } from '../../http/fault-injection.ts';
import { boxAdminsOnly } from '../http/box-access.ts';
import type { BoxEnv } from '../http/box-env.ts';
import { boxBody } from '../http/box-input.ts';

/**
 * The Box sandbox's own fault control, outside `/2.0` so the Roster proxy never forwards it:
 * `PUT {base}/box/_sandbox/faults` with `{"faults":{…}}`, as for the Zendesk sandbox.
 */
export function boxFaultRoutes(faults: FaultInjector) {
  const app = new Hono<BoxEnv>();
  app.get('/faults', boxAdminsOnly, (c) => c.json({ faults: faults.current() }));
  app.put('/faults', boxAdminsOnly, boxBody(z.object({ faults: faultsSchema })), (c) => {
    faults.replace(c.req.valid('json').faults);
    return c.json({ faults: faults.current() });
  });
  app.delete('/faults', boxAdminsOnly, (c) => {
    faults.replace(NO_FAULTS);
    return c.json({ faults: faults.current() });
  });
  return app;
}
