// Preloaded with `node --import` by tests that must prove a call touches no
// file but those allowed (tests/api/noFileAccess.test.ts): every function of
// node:fs and node:fs/promises that takes a path throws for a path outside
// the prefixes in $CITECHART_ALLOW (a JSON array), and each refusal is
// written to stderr as `DENIED name path`, so one swallowed by a try/catch is
// still seen. ESM bindings are synced so `import { readFileSync }` is caught too.
// With $CITECHART_ACCESS_LOG set, each allowed call is written too, as `ALLOWED name path`.
// Native code (sharp's fontconfig, polars) is not seen: only calls through node:fs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const allowed = JSON.parse(process.env.CITECHART_ALLOW ?? '[]');
const writeErr = fs.writeSync;
const asPath = (file) => (typeof file === 'string' ? file : file instanceof URL ? fileURLToPath(file) : Buffer.isBuffer(file) ? file.toString() : undefined);
const check = (name, file) => {
  const text = asPath(file);
  if (text === undefined) return; // a file descriptor
  const full = path.resolve(text);
  if (allowed.some((prefix) => full === prefix || full.startsWith(prefix))) {
    if (process.env.CITECHART_ACCESS_LOG) writeErr(2, `ALLOWED ${name} ${full}\n`);
    return;
  }
  writeErr(2, `DENIED ${name} ${full}\n`);
  throw Object.assign(new Error(`denied: ${name} ${full}`), { code: 'EACCES' });
};
const wrap = (object, name, label) => {
  const original = object[name];
  if (typeof original !== 'function' || /^[A-Z]/.test(name)) return;
  const wrapped = function (...args) {
    check(label, args[0]);
    // Two-path calls (rename, copyFile, symlink, link, cp) check their second path too.
    if (/^(rename|copyFile|symlink|link|cp)/.test(name)) check(label, args[1]);
    return original.apply(this, args);
  };
  Object.assign(wrapped, original);
  object[name] = wrapped;
};
const PATH_FUNCTIONS = /^(access|appendFile|chmod|chown|copyFile|cp|createReadStream|createWriteStream|exists|lchmod|lchown|link|lstat|lutimes|mkdir|mkdtemp|open|opendir|readdir|readFile|readlink|realpath|rename|rm|rmdir|stat|statfs|symlink|truncate|unlink|utimes|watch|watchFile|writeFile)(Sync)?$/;
for (const name of Object.keys(fs)) if (PATH_FUNCTIONS.test(name)) wrap(fs, name, name);
for (const name of Object.keys(fs.promises)) if (PATH_FUNCTIONS.test(name)) wrap(fs.promises, name, `promises.${name}`);
syncBuiltinESMExports();
