/**
 * Reads CSV text with nodejs-polars, every column as a string. The options are
 * spelled out because polars' defaults would type columns itself and truncate
 * ragged lines; with `inferSchemaLength: 0` nothing is typed or nulled behind
 * our back (numbers are parsed by parseNumber only). Returns the data rows
 * (the header line excluded) as arrays of cells in header order, and the
 * header's width; an empty cell comes back as ''.
 *
 * The header is read as a row of data (`hasHeader: false`), so polars names
 * the columns `column_1`, `column_2`…: a nodejs-polars DataFrame is a Proxy
 * that answers any property read (`df.height`, `df.shape`, `df.getColumns`)
 * with the column of that name when there is one, so a CSV column named
 * after a DataFrame property or method would otherwise stand in for it.
 *
 * polars is imported lazily so commands that read no CSV do not load it.
 */
export async function readWithPolars(text: string, sep = ','): Promise<{ width: number; rows: string[][] }> {
  const pl = await import('nodejs-polars');
  // A Buffer, never a string: readCSV takes a string for a path.
  const df = pl.readCSV(Buffer.from(text, 'utf8'), {
    hasHeader: false,
    inferSchemaLength: 0,
    truncateRaggedLines: false,
    sep,
    quoteChar: '"',
  });
  // Read once: each read of df.shape is a call into polars.
  const { height, width } = df.shape;
  const columns = df.getColumns().map((series) => series.toArray() as (string | null)[]);
  const rows: string[][] = [];
  for (let r = 1; r < height; r += 1) rows.push(columns.map((column) => column[r] ?? ''));
  return { width, rows };
}
