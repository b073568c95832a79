// The floor's SVG (bench/floor.mjs, bench/stages.mjs): Vega's SVG made the
// same graphic as citechart's, from the parts of citechart's SVG that
// bench/run.mjs saves per chart (FOOTERS: { width, height, block, background }).

/**
 * The parts of citechart's published SVG of a chart that the floor draws as
 * citechart does: the graphic's size in CSS px (its viewBox), the footer
 * block, and the background rect (the whole graphic, footer band included:
 * without it the floor's footer band was transparent, a different PNG that
 * also cost sharp an unpremultiplying pass). Undefined without a viewBox or
 * a footer.
 * @returns {{ width: number, height: number, block: string, background: string | undefined } | undefined}
 */
export function footerParts(svg) {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const block = /<g class="citechart-footer"[\s\S]*?<\/g>/.exec(svg);
  const background = /<rect class="citechart-background"[^>]*>/.exec(svg);
  return box && block ? { width: Number(box[1]), height: Number(box[2]), block: block[0], background: background?.[0] } : undefined;
}

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
