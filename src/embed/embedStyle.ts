/**
 * How far an artboard that has a wider one after it may be scaled up to
 * fill a column narrower than that wider one (×, of its width in CSS px):
 * beyond, it is left at this size, aligned left, and the column's rest
 * stays blank, as ai2html's fixed artboards are. Its text then stays within
 * 1.25× the size it was set at (11 px labels at most ≈14 px). The widest
 * artboard fills any wider column, as the single SVG does.
 */
export const MAX_ARTBOARD_GROWTH = 1.25;

/**
 * The snippet's CSS. Every selector starts with the chart's own class `K`,
 * so several snippets on one page (or the page's own styles for `figure`,
 * `svg`, `img`, `table`) do not meet.
 *
 * - Artboards: with several widths, each artboard is shown by a CSS
 *   container query on the graphic's own width (not the window's), so a
 *   chart in a narrow column picks its narrow artboard. No JavaScript.
 *   All but the widest grow to MAX_ARTBOARD_GROWTH × their width at most.
 * - PNG fallback: each artboard holds its `<svg>` and then an `<img>` of the
 *   PNG; `svg ~ img` hides the image wherever the SVG survived. A sanitiser
 *   that removes `<svg>` leaves the `<img>` visible instead. A sanitiser
 *   that keeps the removed element's text (DOMPurify does by default) would
 *   spill the labels as loose text: the artboard's font size is 0, and the
 *   SVG sets its own back, so that text is not seen.
 * - Caption and data table are visually hidden (the graphic draws title and
 *   footer already) but read by screen readers; a focused source link
 *   shows the caption, so keyboard users see where they are.
 */
export function embedStyle(k: string, widths: number[]): string {
  const hidden = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap';
  const rules = [
    `.${k}{margin:0;padding:0;position:relative;max-width:100%}`,
    `.${k} .${k}-art{font-size:0;line-height:0}`,
    `.${k} .${k}-art>svg{display:block;max-width:100%;height:auto;font-size:16px;line-height:normal}`,
    // The image's alt text (shown if the PNG is missing too) gets a readable size back.
    `.${k} .${k}-art>img{display:block;max-width:100%;height:auto;font-size:16px;line-height:normal}`,
    `.${k} .${k}-art>svg~img{display:none}`,
    `.${k} .${k}-hidden{${hidden}}`,
    `.${k} figcaption.${k}-hidden:focus-within{position:static;width:auto;height:auto;margin:0;overflow:visible;clip:auto;clip-path:none;white-space:normal}`,
  ];
  if (widths.length > 1) {
    // Artboard i shows from its own width up to the next one's; the first also
    // below its width. Only then is the graphic a size container: one inside a
    // shrink-to-fit box (a float) would be 0 wide, so single charts do without.
    rules.push(`.${k} .${k}-graphic{container:${k}/inline-size}`, `.${k} .${k}-art{display:none}`, `.${k} .${k}-art-0{display:block}`);
    widths.forEach((width, i) => {
      // Up to the next artboard's width, one is not blown up past MAX_ARTBOARD_GROWTH: the 320 px phone
      // artboard filled a 624 px column at 1.95x, its type twice the size it was set at (a Reuters/FT review).
      if (i < widths.length - 1) {
        const most = `min(100%,${Math.round(width * MAX_ARTBOARD_GROWTH)}px)`;
        rules.push(`.${k} .${k}-art-${i}>svg,.${k} .${k}-art-${i}>img{max-width:${most}}`);
      }
      if (i === 0) return;
      rules.push(`@container ${k} (min-width:${width}px){.${k} .${k}-art{display:none}.${k} .${k}-art-${i}{display:block}}`);
    });
  }
  return rules.join('\n');
}
