import type { ChartSpec } from '../compile/readSpec.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { CitedRow, CitedTable, Diagnostic, Source } from '../model.js';
import type { DrawnTextSize } from '../render/drawnTextSizes.js';

/** A spec as `check` read it, with what its render showed. */
export interface LintChart {
  spec: ChartSpec;
  /** The tables it uses, loaded. */
  tables: Map<string, CitedTable>;
  /** The rows it draws (build's footer logic); undefined when it did not render. */
  drawn?: CitedRow[];
  /** Its graphic's own width (px) and the sizes its text is drawn at, when it rendered. */
  layout?: { width: number; textSizes: DrawnTextSize[] };
}

/** Everything the editorial rules look at, read once by `check`. */
export interface LintContext {
  cwd: string;
  sources: Map<string, Source>;
  /** Every table of data/ that could be read, by project-relative path. */
  tables: Map<string, CitedTable>;
  charts: LintChart[];
  /** Some spec could not be read at all, so which tables it uses is unknown. */
  unreadSpecs: boolean;
  /** specs/theme.json, when the project has one. */
  theme?: JsonFile;
}

/** One editorial rule: a stable id (what `--format json` reports) and its check. */
export interface LintRule {
  id: string;
  /** One line for the README and `check --help`. */
  summary: string;
  check(context: LintContext): Diagnostic[] | Promise<Diagnostic[]>;
}
