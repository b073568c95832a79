import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSources } from '../load/index.js';
import type { Diagnostic } from '../model.js';
import { readChartView } from '../preview/chartView.js';
import type { LiveChart } from '../preview/livePages.js';
import { readManifest } from '../write/manifest.js';

interface BuildState {
  /** No build has finished since the chart appeared or its inputs changed. */
  pending: boolean;
  failed: boolean;
  diagnostics: Diagnostic[];
}

/**
 * What the watch session knows of each chart: the outcome of its last build.
 * The graphic, title and sources come from output/ and its manifest, so a
 * failed chart shows its last good graphic, exactly as published.
 */
export class ChartStates {
  private readonly states = new Map<string, BuildState>();

  constructor(
    private readonly cwd: string,
    private readonly outDir: string,
  ) {}

  names(): string[] {
    return [...this.states.keys()].sort();
  }

  has(name: string): boolean {
    return this.states.has(name);
  }

  pending(name: string): void {
    const state = this.states.get(name);
    this.states.set(name, { failed: false, diagnostics: [], ...state, pending: true });
  }

  built(name: string, ok: boolean, diagnostics: Diagnostic[]): void {
    this.states.set(name, { pending: false, failed: !ok, diagnostics });
  }

  remove(name: string): void {
    this.states.delete(name);
  }

  async charts(): Promise<LiveChart[]> {
    const [manifest, { sources }] = await Promise.all([readManifest(this.outDir), readSources(this.cwd)]);
    return Promise.all(
      this.names().map(async (name) => {
        const state = this.states.get(name)!;
        const view = await readChartView(this.outDir, name, sources, manifest.charts[name]);
        return { view: { ...view, failed: state.failed, diagnostics: state.diagnostics }, pending: state.pending };
      }),
    );
  }

  /** One chart and its SVG's markup (to inline), or undefined for a name that is not a chart. */
  async chart(name: string): Promise<{ chart: LiveChart; svg?: string } | undefined> {
    const state = this.states.get(name);
    if (!state) return undefined;
    const [manifest, { sources }] = await Promise.all([readManifest(this.outDir), readSources(this.cwd)]);
    const view = await readChartView(this.outDir, name, sources, manifest.charts[name]);
    const svg = view.svg ? await readFile(path.join(this.outDir, view.svg), 'utf8').catch(() => undefined) : undefined;
    return { chart: { view: { ...view, failed: state.failed, diagnostics: state.diagnostics }, pending: state.pending }, svg };
  }
}
