#!/usr/bin/env node
// The `citechart` command (package.json "bin"): runs src/cliProgram.ts, from
// the startup snapshot when `npm run build` made one for this Node
// (src/startup/runFromSnapshot.ts), else in this process. A plain
// `citechart build` with nothing to draw is done here, without starting
// the snapshot (src/startup/upToDateBuild.ts).
import { fileURLToPath } from 'node:url';
import { runFromSnapshot, usableSnapshot } from './startup/runFromSnapshot.js';
import { buildIfUpToDate, isPlainBuild } from './startup/upToDateBuild.js';

const dist = new URL('./', import.meta.url);
const blob = usableSnapshot(dist);
if (blob) {
  if (!(isPlainBuild(process.argv) && (await buildIfUpToDate(process.argv)))) runFromSnapshot(blob, fileURLToPath(new URL('cli.js', dist)));
} else await (await import('./cliProgram.js')).runCli(process.argv);
