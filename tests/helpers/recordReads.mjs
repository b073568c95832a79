// Preloaded with `node --import` by tests that must know every file a
// command opens (tests/e2e/maps.test.ts): wraps node:fs's reading functions,
// syncs the ESM bindings, and appends each path to $CITECHART_READ_LOG.
// Native code (sharp's fontconfig) is not seen: only reads made through node:fs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.CITECHART_READ_LOG;
const append = fs.appendFileSync;
let busy = false;
const note = (file) => {
  if (busy || !log || typeof file !== 'string' && !(file instanceof URL)) return;
  busy = true;
  try {
    append(log, String(file instanceof URL ? file.pathname : file) + '\n');
  } finally {
    busy = false;
  }
};
const wrap = (object, name) => {
  const original = object[name];
  object[name] = function (file, ...rest) {
    note(file);
    return original.call(this, file, ...rest);
  };
};
for (const name of ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream']) wrap(fs, name);
for (const name of ['readFile', 'open']) wrap(fs.promises, name);
syncBuiltinESMExports();
