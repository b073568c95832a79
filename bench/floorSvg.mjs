// The floor's SVG (bench/floor.mjs, bench/stages.mjs): Vega's SVG made the
// same graphic as citechart's, from the parts of citechart's SVG that
// bench/run.mjs saves per chart (FOOTERS: { width, height, block, background }).

/**
 * Vega's SVG resized to citechart's graphic (`footer.width` × `footer.height`
 * CSS px), on citechart's background rect (`footer.background`, the whole
 * graphic), with citechart's footer block (`footer.block`) under the chart,
 * in `fontStack` (citechart's FONT_STACK). Unchanged when `footer` is undefined.
 */
export function withFooter(svg, footer, fontStack) {
  if (!footer) return svg;
  const root = /<svg\b[^>]*>/.exec(svg)[0];
  const sized = root
    .replace(/\swidth="[\d.]+"/, ` width="${footer.width}"`)
    .replace(/\sheight="[\d.]+"/, ` height="${footer.height}"`)
    .replace(/\sviewBox="[^"]*"/, ` viewBox="0 0 ${footer.width} ${footer.height}"`);
  const block = footer.block.replace('<g ', `<g font-family="${fontStack.replaceAll('"', '&quot;')}" `);
  return svg.replace(root, `${sized}${footer.background ?? ''}`).replace(/<\/svg>\s*$/, `${block}</svg>`);
}
