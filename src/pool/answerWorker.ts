import type { ValidationRequest } from '../compile/validateSpec.js';
import type { SubsetRequest } from '../text/subsetFont.js';

/**
 * Answers a render worker's askMainThread request on the main thread: a font
 * subset (SubsetRequest: the bytes) or a schema check (ValidationRequest:
 * true when valid). Both load a library whose memory a worker would keep for
 * the whole build (the subsetter's WebAssembly, the 9 MB Vega-Lite
 * validator), so the build holds one copy instead of one per worker.
 * Throws on a request of neither shape (a bug, not a user's error).
 */
export async function answerWorker(request: unknown): Promise<unknown> {
  if (request && typeof request === 'object' && 'subset' in request) return (await import('../text/subsetFont.js')).serveSubset(request as SubsetRequest);
  if (request && typeof request === 'object' && 'valid' in request) return (await import('../compile/validateSpec.js')).serveValidation(request as ValidationRequest);
  throw new Error('a worker asked the main thread something it does not answer');
}
