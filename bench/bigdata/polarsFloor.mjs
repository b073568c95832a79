// The floor of the big-data bench: polars alone doing what the two charts
// need from the table (sum of value_usd by partner; by month), from the
// same file, lazily, and nothing else: no validation, no drawing.
// Usage: node polarsFloor.mjs data/trade.csv|data/trade.parquet
import pl from 'nodejs-polars';

const file = process.argv[2];
const scan = () => (file.endsWith('.csv') ? pl.scanCSV(file) : pl.scanParquet(file));
const byPartner = await scan().groupBy('partner').agg(pl.col('value_usd').sum()).collect();
const byMonth = await scan()
  .withColumns(pl.col('date').str.strptime(pl.Date, '%Y-%m-%d').dt.truncate('1mo').alias('month'))
  .groupBy('month')
  .agg(pl.col('value_usd').sum())
  .collect();
console.log(byPartner.shape.height, byMonth.shape.height);
