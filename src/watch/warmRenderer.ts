/**
 * Loads the renderer (Vega, Vega-Lite, sharp, resvg) into this thread
 * (not polars: small CSVs are read without it, src/load/scannerSuffices.ts).
 * watch's first build draws on worker threads, so without this the first
 * save would pay for loading them here (≈0.5 s) before its chart is drawn.
 * Called once the first build is done; a module that fails to load here
 * fails again, and is reported, in the build that needs it.
 */
export async function warmRenderer(): Promise<void> {
  try {
    await import('../pool/renderTask.js');
    await (await import('../render/loadSharp.js')).loadSharp();
    await (await import('../render/loadResvg.js')).loadResvg();
  } catch {
    // Reported by the build that needs it.
  }
}
