import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp';

/**
 * The CSP goes into the built index.html only: Vite's dev server injects inline scripts that a
 * strict policy would block, and the dev server never ships to users.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'chapterdesk-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The chapter file lives on a data thread; src/main/data-thread/client.ts loads it by this name.
          'data-thread': resolve(__dirname, 'src/main/data-thread/thread.ts'),
          // Imports run in a worker thread; src/main/services/imports/jobs.ts loads it by this name.
          'import-worker': resolve(__dirname, 'src/main/services/imports/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS; with "type": "module" it would default to .mjs.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      // Minified, the renderer loads noticeably faster in browser mode on a slow machine.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
