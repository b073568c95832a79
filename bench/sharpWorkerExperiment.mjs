// EXPERIMENT (issue 15, item 3; reverted): a worker thread, started as the
// snapshot child starts (CITECHART_EXPERIMENT_WORKER=1, snapshotEntry.ts),
// loads sharp beside the main thread's Vega work and encodes the first PNG
// from the RGBA pixels resvg drew (renderPng.ts posts them). Measured with
// bench/childAB.py: it costs more CPU than sharp's load it moves.
import { parentPort } from 'node:worker_threads';
import { loadSharp } from '../dist/render/loadSharp.js';

const loading = loadSharp();
parentPort.on('message', async ({ pixels, width, height, opaque, density, xmp }) => {
  const sharp = await loading;
  let png = sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), { raw: { width, height, channels: 4, premultiplied: !opaque } }).withDensity(density);
  if (opaque) png = png.removeAlpha();
  png = png.png({ compressionLevel: 6 });
  const out = await (xmp === undefined ? png : png.withXmp(xmp)).toBuffer();
  // sharp's Buffer may sit in a shared pool: its own copy is transferred.
  const copy = new Uint8Array(out.byteLength);
  copy.set(out);
  parentPort.postMessage({ out: copy }, [copy.buffer]);
});
