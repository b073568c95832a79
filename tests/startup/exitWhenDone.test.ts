// The snapshot child and its launcher end with process.exit() once their
// event loop is empty, instead of freeing their heaps first (src/startup/exitWhenDone.ts).
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exitWhenDone } from '../../src/startup/exitWhenDone.js';

/** A stand-in for `process`: its 'beforeExit' listeners, and whether exit() was called. */
function fakeProcess() {
  const proc = new EventEmitter() as EventEmitter & { exits: number; exit: () => void };
  proc.exits = 0;
  proc.exit = () => void (proc.exits += 1);
  return proc;
}

describe('exitWhenDone', () => {
  it('exits once the event loop is empty, and not before', () => {
    const proc = fakeProcess();
    exitWhenDone(proc as unknown as NodeJS.Process);
    expect(proc.exits).toBe(0);
    proc.emit('beforeExit', 0);
    expect(proc.exits).toBe(1);
    // At most once: Node emits 'beforeExit' again only if something was scheduled, and exit() ends it all.
    proc.emit('beforeExit', 0);
    expect(proc.exits).toBe(1);
  });

  it("leaves the end to Node when another 'beforeExit' listener may start work", () => {
    const proc = fakeProcess();
    exitWhenDone(proc as unknown as NodeJS.Process);
    proc.on('beforeExit', () => undefined);
    proc.emit('beforeExit', 0);
    expect(proc.exits).toBe(0);
  });
});

// The compiled module (npm run build), in a Node of its own: the real process.exit.
const compiled = new URL('../../dist/startup/exitWhenDone.js', import.meta.url);

describe.skipIf(!existsSync(compiled))('a process ended by exitWhenDone', () => {
  it("keeps its exit code, runs its 'exit' listeners and ends only when its work is done", () => {
    const script = [
      `import { exitWhenDone } from ${JSON.stringify(compiled.href)};`,
      "exitWhenDone(); process.exitCode = 3; process.on('exit', (code) => console.log('exit', code)); setTimeout(() => console.log('done'), 10);",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stdout).toBe('done\nexit 3\n');
    expect(run.status).toBe(3);
  });
});
