import type { EncodedField } from './encodedFields.js';

/**
 * The channel a Vega-Lite scale is named for: `color` for `color`,
 * `layer_1_color` or `concat_0_color` (Vega-Lite prefixes the scales of a
 * layer or concatenation it resolves apart).
 */
export function channelOfScale(name: string): string {
  return /(?:^|_)([a-zA-Z]+)$/.exec(name)?.[1] ?? name;
}

/**
 * The encoded fields a compiled scale draws, as far as its name tells: those
 * of its channel, in its layer when the name gives one (`layer_1_…`), else
 * in any view. Empty when the spec encodes no field on that channel.
 */
export function fieldsOfScale(fields: EncodedField[], name: string): EncodedField[] {
  const channel = channelOfScale(name);
  const candidates = fields.filter((f) => f.channel === channel);
  const layer = /^layer_(\d+)_/.exec(name)?.[1];
  const inLayer = layer === undefined ? candidates : candidates.filter((f) => f.jsonPath[0] === 'layer' && f.jsonPath[1] === Number(layer));
  return inLayer.length ? inLayer : candidates;
}
