#!/usr/bin/env node
// The `citechart` command (package.json "bin"): runs src/cliProgram.ts, from
// the startup snapshot when `npm run build` made one for this Node
// (src/startup/runFromSnapshot.ts), else in this process.
import { fileURLToPath } from 'node:url';
import { runFromSnapshot, usableSnapshot } from './startup/runFromSnapshot.js';

const dist = new URL('./', import.meta.url);
const blob = usableSnapshot(dist);
if (blob) runFromSnapshot(blob, fileURLToPath(new URL('cli.js', dist)));
else await (await import('./cliProgram.js')).runCli(process.argv);
