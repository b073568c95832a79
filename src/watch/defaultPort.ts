/** watch's preview port when --port is not given (its own module: the CLI needs it before loading watch). */
export const DEFAULT_PORT = 5177;
