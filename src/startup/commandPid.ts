import { LAUNCHER_PID } from './runFromSnapshot.js';

/**
 * The pid of the `citechart` process the user started (what the output
 * folder's lock records and names): the launcher's when this process was
 * started from the startup snapshot by it (runFromSnapshot.ts), else this
 * process's. Read at each call: a value read while the snapshot was made
 * would be that of the Node that made it.
 */
export function commandPid(): number {
  const launcher = Number(process.env[LAUNCHER_PID]);
  return launcher === process.ppid && launcher > 0 ? launcher : process.pid;
}
