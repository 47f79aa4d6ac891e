#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the same source serves `npm run cli` and this bin.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
