import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [
    react(),
    // Each asset also as .br and .gz, made once here at the highest levels (the plugin's defaults);
    // the server sends the one the browser accepts (static-spa.ts), so no request pays for it.
    !isSsrBuild &&
      compression({
        algorithms: ['brotliCompress', 'gzip'],
        exclude: [/index\.html$/],
        logLevel: 'silent',
      }),
  ],
  // The server build carries its own copy of every package, built for production: left external,
  // Node would load React's development build (the server sets no NODE_ENV), which renders several
  // times slower; and every package that uses React must share the one bundled copy.
  ...(isSsrBuild && {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true },
  }),
  // For builds only: `npm run dev` keeps React Router's dev warnings.
  resolve: {
    alias:
      command !== 'build'
        ? []
        : [
            // React 19 has useSyncExternalStore; the shim TanStack Store imports bundles a fallback for
            // React 17 besides it. The package's plain entry is the same selector over React's own hook.
            {
              find: /^use-sync-external-store\/shim\/with-selector$/,
              replacement: 'use-sync-external-store/with-selector',
            },
            // React Router's exports name only its development build (the same code with its dev
            // warnings switched on, about 0.6 kB more gzip); the built server and SPA both take the other.
            {
              find: /^react-router$/,
              replacement: fileURLToPath(
                new URL('node_modules/react-router/dist/production/index.mjs', import.meta.url),
              ),
            },
          ],
  },
  build: {
    outDir: 'dist',
    // Maps are written for debugging a build, but no chunk points at them: that closing comment
    // costs about 40 bytes of gzip per chunk, some 0.7 kB on a member page.
    sourcemap: 'hidden',
    // Vite's preload wrapper lists every lazy chunk's imports in the entry, about 2 kB of gzip on
    // every route; a cold load does not need it (the page lists the route's chunks, which
    // src/first-view-boot.ts preloads), and a later first visit to a route fetches its imports one level late.
    modulePreload: false,
    target: 'es2022',
    // One stylesheet, which the server puts into every page: a route's chunk then brings no CSS of
    // its own, and the entry no helper that waits for it (about 0.6 kB of gzip on every route).
    cssCodeSplit: false,
    // The server reads it to list each route's chunks in the page, so the browser fetches them at once.
    manifest: !isSsrBuild,
    rolldownOptions: {
      // The first script of a page the server rendered (see src/first-view-boot.ts); the server build
      // has its own entry.
      ...(!isSsrBuild && {
        input: {
          index: fileURLToPath(new URL('index.html', import.meta.url)),
          'first-view-boot': fileURLToPath(new URL('src/first-view-boot.ts', import.meta.url)),
        },
      }),
      output: {
        // Everything the entry needs in one file: a first visit makes fewer requests, and one file
        // compresses better than several (about 2.5 kB of gzip on every route). For the same
        // reasons the table stack every list page loads is one file (about 0.8 kB on each); the
        // row-focus helper stays apart, as the person page uses it without a table.
        codeSplitting: {
          groups: [
            // Before the entry's group, which would otherwise take in the boot script too: the boot
            // must stay a file of its own that imports nothing.
            {
              name: 'first-view-boot',
              test: /src[\\/](first-view-boot|contract[\\/]first-view-scripts)\.ts$/,
              priority: 4,
            },
            { name: 'index', tags: ['$initial'], priority: 3 },
            {
              name: 'row-focus',
              test: /src[\\/]components[\\/](data-table[\\/]use-row-focus-recovery|lost-focus)/,
              priority: 2,
            },
            {
              name: 'data-table',
              priority: 1,
              test: /node_modules[\\/](@tanstack[\\/](virtual-core|react-virtual|table-core|react-table|store|react-store)|use-sync-external-store)[\\/]|src[\\/]components[\\/](data-table[\\/]virtual-table|first-render-viewport|use-hydrated)/,
            },
          ],
        },
      },
    },
  },
}));
