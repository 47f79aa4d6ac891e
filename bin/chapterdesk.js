#!/usr/bin/env node
// Runs the built command line (out/cli, from `npm run build`). A fresh clone that has not been
// built yet runs the TypeScript sources through tsx instead, and says so on stderr.
import { existsSync } from 'node:fs';

const built = new URL('../out/cli/index.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('chapterdesk: not built yet (npm run build); running the sources through tsx.\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
