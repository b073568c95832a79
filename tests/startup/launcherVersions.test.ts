// The build cache key's versions looked up by the launcher and taken by the
// snapshot child (issue 15, item 3: cold start). Each test imports the
// modules afresh (vi.resetModules): one process's lookups, another's seeding.
import { describe, expect, it, vi } from 'vitest';

type Modules = {
  launcher: typeof import('../../src/startup/launcherVersions.js');
  keys: typeof import('../../src/cache/keyVersions.js');
  code: typeof import('../../src/cache/codeHash.js');
};

/** The modules as a new process has them: nothing looked up yet. */
async function freshProcess(): Promise<Modules> {
  vi.resetModules();
  return {
    launcher: await import('../../src/startup/launcherVersions.js'),
    keys: await import('../../src/cache/keyVersions.js'),
    code: await import('../../src/cache/codeHash.js'),
  };
}

/** A message as it crosses the IPC channel (Node's default 'json' serialisation). */
const overIpc = (message: unknown): unknown => JSON.parse(JSON.stringify(message));

describe('the launcher\'s versions', () => {
  it('give the child the same cache key versions it would look up itself', async () => {
    const launcher = await freshProcess();
    const message = overIpc(launcher.launcher.versionsMessage());
    const own = (await freshProcess()).keys.keyVersions();
    const child = await freshProcess();
    expect(child.launcher.takeVersionsMessage(message)).toBe(true);
    expect(child.keys.keyVersions()).toEqual(own);
  });

  it('are what the child uses when they come first', async () => {
    const child = await freshProcess();
    const message = { ...(overIpc((await freshProcess()).launcher.versionsMessage()) as object), code: 'f'.repeat(64) };
    expect(child.launcher.takeVersionsMessage(message)).toBe(true);
    expect(child.keys.keyVersions()['citechart code']).toBe('f'.repeat(64));
  });

  it('never replace what the child looked up before they came', async () => {
    const child = await freshProcess();
    const own = child.code.codeHash();
    const message = { ...(overIpc(child.launcher.versionsMessage()) as object), code: 'f'.repeat(64) };
    expect(child.launcher.takeVersionsMessage(message)).toBe(true);
    expect(child.keys.keyVersions()['citechart code']).toBe(own);
  });

  it('are told from any other message, which is ignored', async () => {
    const child = await freshProcess();
    const whole = overIpc(child.launcher.versionsMessage()) as Record<string, unknown>;
    const others: unknown[] = [
      null,
      'citechart:key-versions',
      { ...whole, type: 'another' },
      { ...whole, code: 'not a hash' },
      { ...whole, tools: { vega: 6 } },
      { ...whole, packages: [['vega']] },
      { ...whole, fallbacks: 'pkg@1' },
    ];
    for (const other of others) expect(child.launcher.takeVersionsMessage(other), JSON.stringify(other)).toBe(false);
  });
});
