// The entry of citechart's startup snapshot (scripts/bundle.mjs builds it
// with `node --build-snapshot`; src/cli.ts starts from it). Everything a
// build of one chart runs that is plain JavaScript — the command line,
// Vega, Vega-Lite, citechart's own stages — is loaded here, once, when the
// snapshot is made; a run then starts with them in its heap instead of
// reading, compiling and evaluating them. Native addons (sharp, resvg,
// polars) and packages that read their own files are required at run time.
//
// Nothing here may read the machine's state while the snapshot is made
// (environment, working folder, temporary folder, time): that would be
// frozen into every run. Modules only define functions and constants.
import v8 from 'node:v8';
import { runCli } from '../cliProgram.js';
import '../commands/build.js';
import '../renderChart.js';
import '../vegaBuilds.js';
import { exitWhenDone } from './exitWhenDone.js';
import { restoreExtraCaCerts } from './extraCaCerts.js';
import { warmUp } from './warmUp.js';

// Run before the snapshot is taken (Node empties the event loop first): Vega's and Vega-Lite's functions compiled.
// One that fails leaves them to be compiled at run time, as without it; scripts/bundle.mjs prints what it says.
warmUp().catch((error: unknown) => console.error(`citechart: the startup snapshot's warm-up failed (${String(error)}); runs compile Vega's functions themselves`));

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Before anything reads the environment: the user's NODE_EXTRA_CA_CERTS, which the launcher kept from this Node's start.
  restoreExtraCaCerts(process.env);
  // Started by runFromSnapshot.ts: its channel closes when the launcher dies
  // (kill -9 included); end as it did, leaving the output folder's lock and
  // temporary files as a killed build does. Unref'd: it must not keep this
  // process alive once the command is done.
  if (process.channel) {
    process.channel.unref();
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  }
  // Its heap is not freed page by page once the command is done: the kernel takes it back (exitWhenDone.ts).
  exitWhenDone();
  void runCli(process.argv);
});
