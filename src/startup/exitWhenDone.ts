// The snapshot child's end (issue 15, item 3: cold start). When a Node
// process runs out of work it frees its environment and disposes of V8's
// heap, page by page, before exiting; the snapshot child's heap is the
// snapshot's and the command's (≈30 MB for one chart), and its launcher
// waits for that before it can exit too. process.exit() at that point skips
// the freeing (the kernel takes the memory back at once): −9 ms of CPU of
// `citechart build NAME --force` (11 interleaved runs of the child alone).
// Nothing is left to do then: the loop is empty, so every write is done.

/**
 * Calls process.exit() (with process.exitCode) once the event loop is empty
 * ('beforeExit'), unless another 'beforeExit' listener is registered then
 * (work it may start would be cut off): the process then ends as usual.
 * 'exit' listeners run either way.
 */
export function exitWhenDone(proc: NodeJS.Process = process): void {
  // once() has taken this listener off by the time it runs: any listener left is another's.
  proc.once('beforeExit', () => {
    if (proc.listenerCount('beforeExit') === 0) proc.exit();
  });
}
