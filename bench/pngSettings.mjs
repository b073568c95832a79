// PNG encoder settings against time and file size (issue 15): the PNGs of a
// folder (citechart's output of the bench corpus) decoded to RGBA once, then
// encoded again by sharp with each setting, as renderPng encodes them (raw
// RGBA in, 144 dpi, no XMP). Settings are taken in turn, the order rotated
// each round, after one untimed round; CPU is process.cpuUsage() around a
// setting's whole folder (sharp encodes on libuv's pool; one PNG at a time),
// per PNG. Every PNG is decoded again and compared with the pixels it was
// made from: a setting that changed a pixel is reported as such.
//
// A setting is LEVEL,FILTER[,RGB|,XMP]: zlib level 0–9 (sharp's
// compressionLevel), N (no filter, sharp's default) or A (adaptiveFiltering);
// RGB drops the alpha channel of an opaque PNG (sharp's removeAlpha;
// decoded, the same pixels with alpha 255); XMP embeds the source PNG's own
// XMP packet (citechart's) as renderPng does. The first setting is the
// baseline for sizes.
//
// Usage: node bench/pngSettings.mjs FOLDER ROUNDS SETTING...
// e.g.   node bench/pngSettings.mjs /tmp/corpus/output 5 6,N 5,N 4,N 6,A 6,N,RGB 5,N,RGB
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [folder, roundsText, ...settings] = process.argv.slice(2);
const rounds = Number(roundsText);
const parsed = settings.map((text) => {
  const [level, filter, more, extra] = text.split(',');
  if (!/^\d$/.test(level ?? '') || !['N', 'A'].includes(filter) || (more !== undefined && more !== 'RGB' && more !== 'XMP') || extra !== undefined) {
    console.error(`bench/pngSettings.mjs: setting "${text}" is not LEVEL,FILTER[,RGB|,XMP] (e.g. 6,N or 5,A,RGB)`);
    process.exit(2);
  }
  return { text, options: { compressionLevel: Number(level), adaptiveFiltering: filter === 'A' }, rgb: more === 'RGB', xmp: more === 'XMP' };
});
if (!folder || !(rounds >= 1) || !parsed.length) {
  console.error('usage: node bench/pngSettings.mjs FOLDER ROUNDS SETTING...');
  process.exit(2);
}
const { loadSharp } = await import(pathToFileURL(path.join(ROOT, 'dist', 'render', 'loadSharp.js')).href);
const sharp = await loadSharp();
// As a build's render worker sets it (src/pool/renderWorker.ts).
sharp.concurrency(1);
sharp.cache(false);

const images = [];
for (const file of readdirSync(folder).filter((f) => f.endsWith('.png')).sort()) {
  const bytes = readFileSync(path.join(folder, file));
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const xmp = (await sharp(bytes).metadata()).xmp?.toString();
  images.push({ file, type: file.replace(/-\d+\.png$/, ''), data, width: info.width, height: info.height, xmp });
}
const encode = (image, { options, rgb, xmp }) => {
  const raw = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
  const png = (rgb ? raw.removeAlpha() : raw).withDensity(144).png(options);
  return (xmp && image.xmp ? png.withXmp(image.xmp) : png).toBuffer();
};
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const results = new Map(parsed.map((s) => [s.text, { cpu: [], bytes: 0, byType: new Map(), changed: 0 }]));
for (let round = 0; round <= rounds; round++) {
  for (let k = 0; k < parsed.length; k++) {
    const setting = parsed[(k + round) % parsed.length];
    const result = results.get(setting.text);
    const pngs = [];
    const at = cpu();
    for (const image of images) pngs.push(await encode(image, setting));
    if (round === 0) {
      // The untimed round also checks the pixels and counts the bytes.
      for (const [i, png] of pngs.entries()) {
        const back = await sharp(png).ensureAlpha().raw().toBuffer();
        if (!back.equals(images[i].data)) result.changed++;
        result.bytes += png.length;
        result.byType.set(images[i].type, (result.byType.get(images[i].type) ?? 0) + png.length);
      }
    } else result.cpu.push((cpu() - at) / images.length);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = results.get(parsed[0].text);
const pct = (x, of) => `${x >= of ? '+' : ''}${((x / of - 1) * 100).toFixed(1)} %`;
console.log(`${images.length} PNGs from ${folder}, ${rounds} timed rounds; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| setting | CPU ms per PNG, median (min–max) | total KB | size vs first | pixels changed | size by chart type vs first |');
console.log('|---|---|---|---|---|---|');
for (const { text } of parsed) {
  const r = results.get(text);
  const types = [...r.byType].map(([type, bytes]) => `${type} ${pct(bytes, base.byType.get(type))}`).join(', ');
  console.log(`| ${text} | ${median(r.cpu).toFixed(2)} (${Math.min(...r.cpu).toFixed(2)}–${Math.max(...r.cpu).toFixed(2)}) | ${(r.bytes / 1024).toFixed(0)} | ${pct(r.bytes, base.bytes)} | ${r.changed} | ${types} |`);
}
