import { Hono } from 'hono';
import { adminsOnly } from '../auth/permissions.ts';
import { type FaultInjector, faultsSchema, NO_FAULTS } from '../http/fault-injection.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { envelopeBody } from '../http/zendesk-validators.ts';

/**
 * Sandbox-only control of injected faults, outside `/api/v2` so the Roster proxy never forwards it:
 * `PUT {base}/_sandbox/faults` with `{"faults":{"latency_ms":…,"error_rate":…,"rate_limit_rate":…,"rules":[…]}}`.
 */
export function sandboxFaultRoutes(faults: FaultInjector) {
  const app = new Hono<SandboxEnv>();
  app.get('/faults', adminsOnly, (c) => c.json({ faults: faults.current() }));
  app.put('/faults', adminsOnly, envelopeBody('faults', faultsSchema), (c) => {
    faults.replace(c.req.valid('json'));
    return c.json({ faults: faults.current() });
  });
  app.delete('/faults', adminsOnly, (c) => {
    faults.replace(NO_FAULTS);
    return c.json({ faults: faults.current() });
  });
  return app;
}
