// nodejs-polars, imported lazily so commands that read no big table do not
// load it, and its types under short names for the big-table modules.
import type * as Polars from 'nodejs-polars';

export type PL = typeof Polars;
export type Expr = Polars.Expr;
export type LazyFrame = Polars.LazyDataFrame;
export type Frame = Polars.DataFrame;

export const loadPolars = (): Promise<PL> => import('nodejs-polars') as Promise<PL>;

/** Row index polars adds to a big table's rows (0-based data row): lines and first appearances are read from it. */
export const ROW = '__citechart_row';

/** A polars error's first line, for a message (its later lines are a backtrace or hints). */
export const polarsReason = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
