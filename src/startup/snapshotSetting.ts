// CITECHART_SNAPSHOT, checked with the other CITECHART_* settings
// (src/checkEnvironment.ts). bin/citechart and dist/cli.js's launcher
// (runFromSnapshot.ts's usableSnapshot) skip the startup snapshot for
// exactly "off" and read nothing else, before any message can be loaded;
// any other value but "on" or empty is refused here, so "no" or "OFF" is an
// error instead of a run from the snapshot without a word.
import { UsageError } from '../errors.js';
import * as messages from '../messages.js';

/**
 * Whether `env` lets citechart start from the startup snapshot: true when
 * CITECHART_SNAPSHOT is unset, empty or "on", false when "off". Throws a
 * UsageError (exit code 2) naming any other value.
 */
export function snapshotWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.CITECHART_SNAPSHOT;
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new UsageError(messages.build.badSnapshot(raw));
}
