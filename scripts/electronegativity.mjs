#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's scanner for Electron misconfigurations) over src/, failing on any
 * HIGH or MEDIUM finding. A finding the tool cannot follow (options built in security.ts and
 * spread into a window, a handler that denies every new window) is made explicit where it is
 * reported, with the tool's own `// eng-disable CHECK_ID` on the line and a comment saying why.
 *
 * Two checks are not run on src/, each for a reason that holds whatever the code does:
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub, which CI
 *   cannot reach; Electron's version is kept current with the other dependencies.
 * - CSPGlobalCheck looks for the policy in HTML or a header set in place; ours is one string
 *   (src/shared/csp.ts) that electron.vite.config.ts writes into the built index.html and
 *   security.ts adds as a header, and security.test.ts checks both. A global check has no line to
 *   carry an explanation, so it is explained here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const SKIPPED = ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

// The scan stays on this machine: the tool fetches translations (and, in the check skipped above,
// Electron's releases) with got, which is replaced by one that refuses, so nothing is sent.
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = toolRequire.resolve('got');
const offline = () => Promise.reject(new Error('Electronegativity runs offline here'));
offline.head = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };

// The tool's runner, not its command line: the command line needs the commander 2 API, and the
// project's commander (14) is the one Node finds from the tool's folder.
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

const { issues, errors } = await run(
  {
    input: join(root, 'src'),
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: SKIPPED,
    customScan: [],
    parserPlugins: [],
  },
  false,
);
const severity = (issue) => issue.severity.name ?? String(issue.severity);
const confidence = (issue) => issue.confidence.name ?? String(issue.confidence);
for (const issue of issues) {
  console.log(
    `${severity(issue).padEnd(13)} ${issue.id} src/${issue.file}:${issue.location.line} (${confidence(issue)}) ${issue.sample?.trim() ?? ''}`,
  );
}
// A file the tool could not parse was not checked at all: that fails too.
const unread = errors.filter((error) => !error.tolerable);
for (const error of unread) console.error(`Electronegativity could not read ${error.file}: ${error.message}`);
const failing = issues.filter((issue) => FAILING.has(severity(issue)));
if (failing.length > 0 || unread.length > 0) {
  console.error(
    `Electronegativity: ${failing.length} high or medium finding(s), ${unread.length} file(s) not read. ` +
      'Fix them, or, where the tool cannot follow the code, add `// eng-disable CHECK_ID` on the ' +
      'line with a comment saying why.',
  );
  process.exitCode = 1;
} else {
  console.log(`Electronegativity (Electron ${electronVersion}): no high or medium finding in src/.`);
}
