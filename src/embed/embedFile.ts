import type { RenderedChart } from '../renderChart.js';
import { embedHtml } from './embedHtml.js';

/**
 * The HTML snippet of a rendered chart: its artboards when it has several
 * widths, else its one SVG; the PNG beside it (`NAME.png`, same folder) as
 * the fallback image, at the SVG's CSS size (the PNG is 2×). Only whether
 * `png` is there matters (the snippet links the file, it does not hold the
 * bytes): renderChart writes the snippet while the PNG is still being drawn.
 */
export function embedFile(chart: Pick<RenderedChart, 'name' | 'svg' | 'artboards'> & { embed: NonNullable<RenderedChart['embed']>; png?: unknown }): string {
  const size = svgSize(chart.svg);
  const artboards = chart.artboards?.length ? chart.artboards : [{ width: size.width, svg: chart.svg }];
  const png = chart.png ? { file: `${chart.name}.png`, ...size } : undefined;
  return embedHtml(chart.embed, artboards, png);
}

/**
 * Width and height from the root element's viewBox. Exact extraction from
 * citechart's own SVG (composeSvg writes `viewBox="0 0 W H"` on the root),
 * not a parser of arbitrary SVG.
 */
export function svgSize(svg: string): { width: number; height: number } {
  const root = svg.slice(0, svg.indexOf('>') + 1);
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
  if (!box) throw new Error('citechart SVG without a viewBox on its root element');
  return { width: Number(box[1]), height: Number(box[2]) };
}
