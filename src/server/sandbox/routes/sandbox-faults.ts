import { Hono } from 'hono';
import { requireAdmin } from '../auth/permissions.ts';
import { type FaultInjector, faultsSchema, NO_FAULTS } from '../http/fault-injection.ts';
import { readEnvelope } from '../http/request-input.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';

/**
 * Sandbox-only control of injected faults, outside `/api/v2` so the Roster proxy never forwards it:
 * `PUT {base}/_sandbox/faults` with `{"faults":{"latency_ms":…,"error_rate":…,"rate_limit_rate":…,"rules":[…]}}`.
 */
export function sandboxFaultRoutes(faults: FaultInjector) {
  const app = new Hono<SandboxEnv>();
  app.get('/faults', (c) => {
    requireAdmin(c.get('identity'));
    return c.json({ faults: faults.current() });
  });
  app.put('/faults', async (c) => {
    requireAdmin(c.get('identity'));
    faults.replace(await readEnvelope(c, 'faults', faultsSchema));
    return c.json({ faults: faults.current() });
  });
  app.delete('/faults', (c) => {
    requireAdmin(c.get('identity'));
    faults.replace(NO_FAULTS);
    return c.json({ faults: faults.current() });
  });
  return app;
}
