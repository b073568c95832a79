/**
 * Reads CSV text with nodejs-polars, every column as a string. The options are
 * spelled out because polars' defaults would type columns itself and truncate
 * ragged lines; with `inferSchemaLength: 0` nothing is typed or nulled behind
 * our back (numbers are parsed by parseNumber only). Returns the rows as
 * arrays of cells in header order; an empty cell comes back as ''.
 *
 * polars is imported lazily so commands that read no CSV do not load it.
 */
export async function readWithPolars(text: string, sep = ','): Promise<{ width: number; rows: string[][] }> {
  const pl = await import('nodejs-polars');
  // A Buffer, never a string: readCSV takes a string for a path.
  const df = pl.readCSV(Buffer.from(text, 'utf8'), {
    hasHeader: true,
    inferSchemaLength: 0,
    truncateRaggedLines: false,
    sep,
    quoteChar: '"',
  });
  const columns = df.getColumns().map((series) => series.toArray() as (string | null)[]);
  // df.height is a call into polars each time: read the shape once, not per row.
  const { height, width } = df.shape;
  const rows: string[][] = [];
  for (let r = 0; r < height; r += 1) rows.push(columns.map((column) => column[r] ?? ''));
  return { width, rows };
}
