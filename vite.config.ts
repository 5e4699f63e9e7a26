import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig(({ isSsrBuild }) => ({
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
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    // The server reads it to list each route's chunks in the page, so the browser fetches them at once.
    manifest: !isSsrBuild,
    rolldownOptions: {
      output: {
        // Everything the entry needs in one file: a first visit makes fewer requests, and one file
        // compresses better than several (about 2.5 kB of gzip on every route).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
}));
