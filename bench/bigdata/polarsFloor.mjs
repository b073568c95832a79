// The floor of the big-data bench: polars alone doing what the two charts
// need from the table (sum of value_usd by partner; by month), from the
// same file, lazily, and nothing else: no validation, no drawing.
//
// With --validate, the floor also does the checks citechart must do before
// drawing, so the two compare like for like on data work (not on drawing):
// the sha256 of the file (read in 4 MiB pieces on the main thread while
// polars parses, as citechart does), every cell of every number column
// (value_usd, hs_code: read as text, cast, counted when not a number), the
// source column (row count and first row per distinct value), and, for a
// CSV, the columns parsed once and held (source, partner, date and the
// number columns), both group-bys then run on memory. The group-bys are the
// plain floor's (by month parses every date with strptime).
//
// Usage: node polarsFloor.mjs data/trade.csv|data/trade.parquet [--validate]
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import pl from 'nodejs-polars';

const file = process.argv[2];
const validate = process.argv.includes('--validate');
const csv = file.endsWith('.csv');
const byPartner = (frame) => frame.groupBy('partner').agg(pl.col('value_usd').sum()).collect();
const byMonth = (frame) =>
  frame
    .withColumns(pl.col('date').str.strptime(pl.Date, '%Y-%m-%d').dt.truncate('1mo').alias('month'))
    .groupBy('month')
    .agg(pl.col('value_usd').sum())
    .collect();

if (!validate) {
  const scan = () => (csv ? pl.scanCSV(file) : pl.scanParquet(file));
  const partners = await byPartner(scan());
  const months = await byMonth(scan());
  console.log(partners.shape.height, months.shape.height);
} else {
  const hashing = sha256(file);
  const NUMBERS = ['value_usd', 'hs_code'];
  let frame;
  if (csv) {
    const bad = (name) => pl.col(name).isNotNull().and(pl.col(name).cast(pl.Float64, false).isNull().or(pl.col(name).cast(pl.Float64, false).isNan()));
    const held = await pl
      .scanCSV(file, { inferSchemaLength: 0 })
      .select(pl.col('source'), pl.col('partner'), pl.col('date'), ...NUMBERS.map((name) => pl.col(name).cast(pl.Float64, false)), ...NUMBERS.map((name, i) => bad(name).alias(`bad${i}`)))
      .collect();
    frame = held.lazy();
    const checks = await frame.select(...NUMBERS.map((_, i) => pl.col(`bad${i}`).sum())).collect();
    if (NUMBERS.some((_, i) => Number(checks.getColumn(`bad${i}`).toArray()[0]) !== 0)) throw new Error('bad number cells');
  } else {
    frame = pl.scanParquet(file);
  }
  const sources = await frame.withRowIndex('row').groupBy('source').agg(pl.col('row').min().alias('first'), pl.len().alias('rows')).collect();
  const partners = await byPartner(frame);
  const months = await byMonth(frame);
  console.log(partners.shape.height, months.shape.height, sources.shape.height, (await hashing).slice(0, 12));
}

/** sha256 of a file read 4 MiB at a time, as src/bigtable/hashBigTable.ts reads it. */
async function sha256(path) {
  const hash = createHash('sha256');
  const handle = await open(path);
  try {
    const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
