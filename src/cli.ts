#!/usr/bin/env node
// `node dist/cli.js`: runs src/cliProgram.ts, from the startup snapshot when
// `npm run build` made one for this Node (src/startup/runFromSnapshot.ts),
// else in this process. The `citechart` command npm links (package.json
// "bin") is bin/citechart, a shell script that starts the snapshot's Node
// itself when it can, and runs this file otherwise. A plain
// `citechart build` with nothing to draw is done here, without starting
// the snapshot (src/startup/upToDateBuild.ts).
//
// This process only starts another in the usual case, so it loads no more
// than that takes before it does (issue 15, item 3: cold start): the
// modules it imports statically are runFromSnapshot.ts's few, which
// scripts/bundle.mjs puts in this one file (no shared chunks); the command
// line and the up-to-date check are imported only on the path that runs
// them.
import { fileURLToPath } from 'node:url';
import { isPlainBuild } from './startup/plainBuild.js';
import { runFromSnapshot, usableSnapshot } from './startup/runFromSnapshot.js';

const dist = new URL('./', import.meta.url);
const blob = usableSnapshot(dist);
if (blob) {
  const upToDate = isPlainBuild(process.argv) && (await (await import('./startup/upToDateBuild.js')).buildIfUpToDate(process.argv));
  if (!upToDate) runFromSnapshot(blob, fileURLToPath(new URL('cli.js', dist)));
} else await (await import('./cliProgram.js')).runCli(process.argv);
