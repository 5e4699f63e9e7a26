import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SANDBOX_BASE_PATH } from '../start-server.ts';
import { apiCaller, type TestServer } from './test-server.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type SpawnedServer = TestServer & {
  child: ChildProcess;
  /** Everything the process has printed so far. */
  output(): string;
  /** Ends the process with `signal` and waits for it to be gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
};

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `node --import tsx src/server/main.ts` as its own process, as `npm start` runs it: for what only a
 * real process can show, such as a crash in the middle of a job. Resolves once the server answers:
 * its sandbox when embedded, else Roster itself.
 */
export async function spawnServer(
  environment: Record<string, string>,
  timeoutMs = 30_000,
): Promise<SpawnedServer> {
  const port = environment.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...environment, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  const url = `http://127.0.0.1:${port}`;
  const apiUrl = `${url}${SANDBOX_BASE_PATH}/api/v2`;
  const api = apiCaller(apiUrl);
  const ready = environment.ZENDESK_URL ? () => fetch(`${url}/roster/connection`) : () => api('/users/me');
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await ready()).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    apiUrl,
    dataDir: environment.DATA_DIR ?? '',
    api,
    child,
    output: () => output,
    kill,
    close: () => kill('SIGTERM'),
  };
}
