/**
 * What the launcher's up-to-date check may run (upToDateBuild.ts):
 * `citechart build` and nothing else (no chart name, no flag). Its own
 * module, so the launcher (src/cli.ts) loads upToDateBuild.ts only for that
 * command line.
 */
export function isPlainBuild(argv: readonly string[]): boolean {
  return argv.length === 3 && argv[2] === 'build';
}
