/**
 * `citechart build`'s option defaults: the command line declares its flags
 * with them (cliProgram.ts), and the launcher's up-to-date check
 * (startup/upToDateBuild.ts) runs a plain `citechart build` with them, so
 * the two cannot build with different options.
 */
export const BUILD_DEFAULTS = { out: 'output', theme: 'light', formats: 'svg,png,html' } as const;
