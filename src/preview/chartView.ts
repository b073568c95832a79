import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeXML } from 'entities';
import type { Diagnostic, Source } from '../model.js';
import { readManifest } from '../write/manifest.js';

/** What a preview page shows of one chart: its published files, sources and, in watch, its last build's problems. */
export interface ChartView {
  name: string;
  title: string;
  /** File names in the output folder; absent when the chart has never been built. */
  svg?: string;
  png?: string;
  /** When the files were last written (the SVG's mtime), so a live page's <img> reloads them after a rebuild; unused in the static gallery. */
  stamp?: string;
  /** The SVG's `<desc>`, the alt text readers get. */
  alt: string;
  /** In the order the chart cites them; `source` is missing for an id no longer in sources.csv. */
  sources: { id: string; source?: Source }[];
  /** Problems of the chart's last build (watch only). */
  diagnostics: Diagnostic[];
  /** The last build failed: what shows is the previous good graphic, if any. */
  failed: boolean;
}

/**
 * The charts of the output folder's manifest that are specs of the project
 * (`known`) and whose SVG exists there, sorted by name — a chart that never
 * built has no entry and is left out.
 */
export async function readChartViews(outDir: string, sources: Map<string, Source>, known: string[]): Promise<ChartView[]> {
  const manifest = await readManifest(outDir);
  const views: ChartView[] = [];
  for (const name of Object.keys(manifest.charts).sort()) {
    if (!known.includes(name)) continue;
    const view = await readChartView(outDir, name, sources, manifest.charts[name]!);
    if (view.svg) views.push(view);
  }
  return views;
}

/** One chart's view from its manifest entry (or none yet) and its files in the output folder. */
export async function readChartView(
  outDir: string,
  name: string,
  sources: Map<string, Source>,
  entry: { title: string; sources: string[] } | undefined,
): Promise<ChartView> {
  const svg = `${name}.svg`;
  const png = `${name}.png`;
  const svgStat = await stat(path.join(outDir, svg)).catch(() => undefined);
  const hasSvg = !!svgStat;
  return {
    name,
    title: entry?.title ?? '',
    svg: hasSvg ? svg : undefined,
    png: existsSync(path.join(outDir, png)) ? png : undefined,
    stamp: svgStat ? String(Math.round(svgStat.mtimeMs)) : undefined,
    alt: hasSvg ? svgDescription(await readFile(path.join(outDir, svg), 'utf8')) : '',
    sources: (entry?.sources ?? []).map((id) => ({ id, source: sources.get(id) })),
    diagnostics: [],
    failed: false,
  };
}

/** The text of a citechart SVG's `<desc>` (its alt text), unescaped. */
export function svgDescription(svg: string): string {
  const match = /<desc\b[^>]*>([^<]*)<\/desc>/.exec(svg);
  return match ? decodeXML(match[1]!) : '';
}
