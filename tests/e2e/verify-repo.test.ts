// CI runs `npx citechart verify --all` on the repository's own output/:
// it must pass on what is committed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

it('verify --all passes on the committed output/', async () => {
  const result = await runCli(['verify', '--all'], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.outLines.at(-1)).toMatch(/^\d+ up to date, 0 stale$/);
  expect(result.outLines.filter((line) => !line.endsWith(': up to date'))).toHaveLength(1);
  expect(result.code).toBe(0);
});
