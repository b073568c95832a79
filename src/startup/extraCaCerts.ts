// NODE_EXTRA_CA_CERTS kept away from the snapshot child's start (issue 15,
// item 3: cold start). When it is set, Node reads and parses that file and
// its own root certificates as the process starts, before any JavaScript and
// whether or not a TLS connection is ever made: on the bench machine (a
// 150-certificate bundle) `node -e 0` costs 63 ms of CPU with it, 24 ms
// without. The launcher has paid that once already, and no command opens a
// TLS connection (citechart never fetches: src/render/confinedLoader.ts), so
// the child is started without it and puts the value back into its
// process.env at once: what it runs or starts sees the user's environment.

/** The variable the value travels in, from the launcher to its child. */
export const CARRIED_CA_CERTS = 'CITECHART_NODE_EXTRA_CA_CERTS';

/**
 * `env` with NODE_EXTRA_CA_CERTS moved to CARRIED_CA_CERTS (a carried value
 * the launcher itself inherited is dropped, so one is never put back where
 * the user had none). Returns a new object; `env` is not changed.
 */
export function carryExtraCaCerts(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const carried = { ...env };
  delete carried.NODE_EXTRA_CA_CERTS;
  delete carried[CARRIED_CA_CERTS];
  if (env.NODE_EXTRA_CA_CERTS !== undefined) carried[CARRIED_CA_CERTS] = env.NODE_EXTRA_CA_CERTS;
  return carried;
}

/** Puts a carried NODE_EXTRA_CA_CERTS back into `env` (the child's process.env, as it starts) and removes the carrier. */
export function restoreExtraCaCerts(env: NodeJS.ProcessEnv): void {
  const certs = env[CARRIED_CA_CERTS];
  if (certs === undefined) return;
  delete env[CARRIED_CA_CERTS];
  env.NODE_EXTRA_CA_CERTS = certs;
}
