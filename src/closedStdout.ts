// When the reader of stdout goes away (`citechart build --force | head -1`),
// Node does not die of SIGPIPE: it reports the closed pipe as an 'error'
// event on process.stdout (EPIPE), and, unhandled, that ended the command
// with a stack trace and exit 1 after its first line, a build leaving the
// output folder's lock and its other charts unbuilt (a review of
// bin/citechart, issue 15). Only stdout's lines are lost with the reader:
// the command goes on, its files written, its stderr and exit code as usual.

const watched = new WeakSet<NodeJS.EventEmitter>();

/**
 * Makes a closed pipe on `stream` (process.stdout) drop what is written to it
 * from then on (EPIPE, then ERR_STREAM_DESTROYED for later writes) instead of
 * throwing. Any other error of the stream is thrown as before. Idempotent.
 */
export function keepGoingWhenStdoutCloses(stream: NodeJS.EventEmitter = process.stdout): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}
