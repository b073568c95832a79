// Starting a command from citechart's startup snapshot (issue 15, item 3:
// cold start). `npm run build` makes dist/snapshot.blob (scripts/bundle.mjs:
// Vega, Vega-Lite and citechart's stages already loaded) and
// dist/snapshot.json, what it was made for. A snapshot can only be given to
// Node on its command line, so `node dist/cli.js` runs the command in a child Node
// started from it, stdio shared, and exits as the child does: one chart's
// build then skips reading, compiling and running ~5 MB of JavaScript.
// bin/citechart (the `citechart` command) makes the same checks in the shell
// and starts that Node itself, without this launcher (scripts/bundle.mjs
// writes dist/snapshot.launch for it).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exitWhenDone } from './exitWhenDone.js';
import { carryExtraCaCerts } from './extraCaCerts.js';
import { SNAPSHOT_V8_FLAGS } from './v8Flags.js';

/** The file beside dist/cli.js that says what the snapshot was made for. */
export interface SnapshotStamp {
  /** process.version, process.platform and process.arch of the Node that made it (a snapshot loads only in that Node). */
  node: string;
  platform: string;
  arch: string;
  /** dist/cli.js's mtime (ms) when it was made: `tsc` writes dist/cli.js again, so sources compiled since are never shadowed by an older snapshot. */
  cliMtimeMs: number;
  /** The absolute path of dist/ it was made in: the snapshot holds paths into it (fonts, generated/, node_modules). */
  dist: string;
}

/** The environment variable by which the child knows its launcher's pid (commandPid.ts). */
export const LAUNCHER_PID = 'CITECHART_LAUNCHER_PID';

/**
 * Where the snapshot of this dist/ is, when one is usable by this Node and
 * this command line; undefined otherwise (no snapshot made, another Node,
 * a moved or recompiled dist/, `CITECHART_SNAPSHOT=off`, Node options
 * given: `node --cpu-prof dist/cli.js` profiles this process, not a child;
 * or NODE_OPTIONS set: the child would inherit it, and V8 options in it,
 * such as CI's `--max-old-space-size=4096`, change the V8 configuration a
 * snapshot loads under only: Node refused it, exit 14).
 */
export function usableSnapshot(
  distUrl: URL,
  { env = process.env, execArgv = process.execArgv }: { env?: NodeJS.ProcessEnv; execArgv?: string[] } = {},
): string | undefined {
  if (env.CITECHART_SNAPSHOT === 'off' || execArgv.length > 0 || (env.NODE_OPTIONS ?? '') !== '') return undefined;
  const dist = fileURLToPath(distUrl);
  const blob = fileURLToPath(new URL('snapshot.blob', distUrl));
  try {
    const stamp = JSON.parse(readFileSync(fileURLToPath(new URL('snapshot.json', distUrl)), 'utf8')) as SnapshotStamp;
    const fits =
      stamp.node === process.version && stamp.platform === process.platform && stamp.arch === process.arch && stamp.dist === dist &&
      stamp.cliMtimeMs === statSync(fileURLToPath(new URL('cli.js', distUrl))).mtimeMs;
    return fits && existsSync(blob) ? blob : undefined;
  } catch {
    return undefined;
  }
}

/**
 * glibc's malloc arenas in the child: at most this many (glibc's default is
 * 8 per core), unless the user's environment sets MALLOC_ARENA_MAX. Each
 * thread that allocates (two render workers, libuv's pool drawing PNGs with
 * resvg, libvips, V8's helpers) otherwise gets an arena of its own, and the
 * freed memory left in each is not returned. Measured on the bench's 200
 * charts (issue 15, peak memory; one chart in flight per worker): peak RSS
 * 414–418 → 364–392 MB, CPU the same within the noise. It can only be set
 * here: glibc reads it once, as the process starts.
 */
export const MALLOC_ARENAS = '2';

/**
 * The environment of the child Node: the launcher's, with its pid
 * (commandPid.ts) and MALLOC_ARENA_MAX (MALLOC_ARENAS), and
 * NODE_EXTRA_CA_CERTS carried under another name (extraCaCerts.ts: the
 * child puts it back as it starts).
 */
export function childEnv(env: NodeJS.ProcessEnv, launcherPid: number): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: MALLOC_ARENAS, ...carryExtraCaCerts(env), [LAUNCHER_PID]: String(launcherPid) };
}

/**
 * Runs this command line in a child Node started from `blob`, and ends this
 * process as the child ends (its exit code, or the same signal). SIGINT,
 * SIGTERM and SIGHUP are passed on. The child ends itself when this process is killed (snapshotEntry.ts),
 * so `kill -9` of citechart stops the build as before.
 */
export function runFromSnapshot(blob: string, cli: string): void {
  const child = spawn(process.execPath, [...SNAPSHOT_V8_FLAGS, '--snapshot-blob', blob, cli, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: childEnv(process.env, process.pid),
  });
  const pass = (signal: NodeJS.Signals) => () => void child.kill(signal);
  // SIGINT is passed on too: Ctrl-C reaches both processes (the child then
  // sees it twice, which ends a build and a watch alike), but a supervisor's
  // `kill -INT` of this pid alone reached only this process, and the build
  // went on to exit 0 (an adversarial review).
  const handlers = new Map<NodeJS.Signals, () => void>([['SIGINT', pass('SIGINT')], ['SIGTERM', pass('SIGTERM')], ['SIGHUP', pass('SIGHUP')]]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  // Once the child is gone, this process ends without freeing its heap first (exitWhenDone.ts).
  exitWhenDone();
  child.on('exit', (code, signal) => {
    for (const [name, handler] of handlers) process.off(name, handler);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}
