// How much work a step took, in CPU time rather than wall time: a test that
// asserts "finishes in well under a second" must hold on a loaded 2-core CI
// machine, where the wall time of the same work grows with the load (a
// renderChart of 300 ms took over 2 s at load 16) but its CPU time does not.
// A regression these tests guard against (catastrophic backtracking, a
// million rows read whole) costs CPU, so it still fails them.
import { readFileSync } from 'node:fs';

/** This process's CPU time so far (user + system, all its threads), in ms. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs `step` and returns its result with the CPU time this process spent
 * meanwhile, in ms. Only meaningful while nothing else runs in this process
 * (vitest runs a file's tests one at a time).
 */
export async function cpuTimed<T>(step: () => Promise<T> | T): Promise<{ result: T; cpuMs: number }> {
  const before = cpuNow();
  const result = await step();
  return { result, cpuMs: cpuNow() - before };
}

/**
 * The CPU time of this process's finished, waited-for child processes and
 * their own waited-for children (Linux: /proc/self/stat's cutime + cstime,
 * in clock ticks of 10 ms), in ms; undefined where /proc is missing.
 */
export function childrenCpuNow(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces): state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}
