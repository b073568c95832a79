import v8 from 'node:v8';

// How soon V8 optimises a function: each function's "interrupt budget" is
// the bytecode it may run before V8 asks whether to compile it with
// TurboFan. At V8 11's default (67,584: `node --v8-options`, Node 20) a
// build compiled ~1,200 functions, citechart's own (drawnTables, drawnValues,
// chartTrail…) several times over as new tables' shapes deoptimised them,
// and TurboFan was 18 % of a one-thread build's CPU (perf, cpu-clock
// samples) against 15 % of the floor's (bench/floor.mjs), each worker
// compiling again. With 8× the budget only the functions that stay hot are
// optimised: the bench corpus's 200-chart build −22 % CPU (2 workers,
// warm store, 2 interleaved rounds; 4× −17 %, 16× the same as 8×), the
// floor −10 % given the same (bench/RESULTS.md, issue 15).

/** V8's `--interrupt-budget` for citechart's commands: 8× V8 11's default. */
export const INTERRUPT_BUDGET = 8 * 67_584;

/**
 * Sets V8's interrupt budget for this process (workers included) to
 * INTERRUPT_BUDGET, unless Node was started with its own
 * (`node --interrupt-budget=N dist/cli.js …`). Called once by the command
 * line before any command runs; the library (dist/index.js) leaves its
 * host's V8 as it is. Output is unchanged: optimised code computes what the
 * interpreter does.
 */
export function raiseInterruptBudget(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
