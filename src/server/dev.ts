import { createServer } from 'vite';
import { readConfig } from './config.ts';
import { startServer } from './start-server.ts';

/**
 * `npm run dev`: the Roster server (sandbox and proxy) as `npm start` runs it, plus Vite with hot
 * reload in front, forwarding the API paths to it so the browser sees one origin.
 */
const devPort = Number(process.env.DEV_PORT ?? 5173);
const devHost = process.env.HOST || '127.0.0.1';
// Sign-in redirects (OAuth) must come back to the page people use, Vite's, not the server behind it.
const config = readConfig({ PUBLIC_URL: `http://${devHost}:${devPort}`, ...process.env });
const api = await startServer(config);
// Vite's page and the API are separate servers here; the proxy presents requests as the API server's own.
const proxy = Object.fromEntries(
  ['/api', '/sandbox', '/roster'].map((path) => [
    path,
    {
      target: api.url,
      changeOrigin: true,
      configure: (server: {
        on(
          event: 'proxyReq',
          listener: (request: { setHeader(name: string, value: string): void }) => void,
        ): void;
      }) => server.on('proxyReq', (request) => request.setHeader('origin', api.url)),
    },
  ]),
);
const vite = await createServer({ server: { host: config.host, port: devPort, strictPort: true, proxy } });
await vite.listen();
console.log(
  [
    '',
    'Roster (development) is running.',
    `  Dashboard with hot reload: http://${config.host}:${devPort}/`,
    `  Roster server:             ${api.url}/`,
    ...(api.sandboxApiUrl ? [`  Sandbox API base:          ${api.sandboxApiUrl}`] : []),
    '',
  ].join('\n'),
);

const stop = async () => {
  await vite.close();
  await api.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
