// When `citechart` may start from the startup snapshot, and whose pid the
// output folder's lock names (issue 15, item 3: cold start).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { commandPid } from '../../src/startup/commandPid.js';
import { CARRIED_CA_CERTS } from '../../src/startup/extraCaCerts.js';
import { childEnv, LAUNCHER_PID, MALLOC_ARENAS, usableSnapshot, type SnapshotStamp } from '../../src/startup/runFromSnapshot.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env[LAUNCHER_PID];
});

/** A dist/ folder with cli.js, snapshot.blob and a stamp that fits this Node, changed by `change`. */
function distFolder(change: (stamp: SnapshotStamp) => void = () => {}): { dist: string; url: URL } {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'citechart-snapshot-')) + path.sep;
  made.push(dist);
  writeFileSync(path.join(dist, 'cli.js'), '// the bundle\n');
  writeFileSync(path.join(dist, 'snapshot.blob'), 'blob');
  utimesSync(path.join(dist, 'cli.js'), 1_700_000_000, 1_700_000_000);
  const stamp: SnapshotStamp = { node: process.version, platform: process.platform, arch: process.arch, cliMtimeMs: 1_700_000_000_000, dist };
  change(stamp);
  writeFileSync(path.join(dist, 'snapshot.json'), JSON.stringify(stamp));
  return { dist, url: pathToFileURL(dist) };
}

const plain = { env: {}, execArgv: [] };

describe('usableSnapshot', () => {
  it('is the blob when the stamp fits this Node, this dist/ and its cli.js', () => {
    const { dist, url } = distFolder();
    expect(usableSnapshot(url, plain)).toBe(path.join(dist, 'snapshot.blob'));
  });

  it('is none for another Node, platform or processor', () => {
    expect(usableSnapshot(distFolder((s) => (s.node = 'v20.0.0')).url, plain)).toBeUndefined();
    expect(usableSnapshot(distFolder((s) => (s.platform = 'win32')).url, plain)).toBeUndefined();
    expect(usableSnapshot(distFolder((s) => (s.arch = 'arm64')).url, plain)).toBeUndefined();
  });

  it('is none once dist/cli.js was written again (tsc run since the snapshot was made)', () => {
    const { dist, url } = distFolder();
    utimesSync(path.join(dist, 'cli.js'), 1_700_000_100, 1_700_000_100);
    expect(usableSnapshot(url, plain)).toBeUndefined();
  });

  it('is none in a dist/ copied elsewhere: the snapshot holds paths into the one it was made in', () => {
    const { dist } = distFolder();
    const moved = mkdtempSync(path.join(os.tmpdir(), 'citechart-moved-')) + path.sep;
    made.push(moved);
    for (const file of ['cli.js', 'snapshot.blob', 'snapshot.json']) copyFileSync(path.join(dist, file), path.join(moved, file));
    utimesSync(path.join(moved, 'cli.js'), 1_700_000_000, 1_700_000_000);
    expect(usableSnapshot(pathToFileURL(moved), plain)).toBeUndefined();
  });

  it('is none without a blob, with a damaged stamp, with CITECHART_SNAPSHOT=off, with Node options or NODE_OPTIONS', () => {
    const { dist, url } = distFolder();
    expect(usableSnapshot(url, { env: { CITECHART_SNAPSHOT: 'off' }, execArgv: [] })).toBeUndefined();
    expect(usableSnapshot(url, { env: {}, execArgv: ['--cpu-prof'] })).toBeUndefined();
    expect(usableSnapshot(url, { env: { NODE_OPTIONS: '--max-old-space-size=4096' }, execArgv: [] })).toBeUndefined();
    expect(usableSnapshot(url, { env: { NODE_OPTIONS: '' }, execArgv: [] })).toBe(path.join(dist, 'snapshot.blob'));
    writeFileSync(path.join(dist, 'snapshot.json'), '{"node": ');
    expect(usableSnapshot(url, plain)).toBeUndefined();
    const other = distFolder();
    rmSync(path.join(other.dist, 'snapshot.blob'));
    expect(usableSnapshot(other.url, plain)).toBeUndefined();
    const empty = mkdtempSync(path.join(os.tmpdir(), 'citechart-nosnapshot-'));
    made.push(empty);
    expect(usableSnapshot(pathToFileURL(empty + path.sep), plain)).toBeUndefined();
  });
});

describe('childEnv', () => {
  it("is the launcher's environment with its pid and glibc's arenas capped (issue 15, peak memory)", () => {
    expect(childEnv({ HOME: '/home/a', TMPDIR: '/tmp/x' }, 1234)).toEqual({ HOME: '/home/a', TMPDIR: '/tmp/x', MALLOC_ARENA_MAX: '2', [LAUNCHER_PID]: '1234' });
    expect(MALLOC_ARENAS).toBe('2');
  });

  it("keeps the user's own MALLOC_ARENA_MAX, and never a launcher pid it inherited", () => {
    expect(childEnv({ MALLOC_ARENA_MAX: '8', [LAUNCHER_PID]: '1' }, 99)).toEqual({ MALLOC_ARENA_MAX: '8', [LAUNCHER_PID]: '99' });
  });

  it('carries NODE_EXTRA_CA_CERTS under another name, so the child Node does not parse the certificates as it starts', () => {
    expect(childEnv({ NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' }, 7)).toEqual({ MALLOC_ARENA_MAX: '2', [CARRIED_CA_CERTS]: '/etc/ssl/extra.pem', [LAUNCHER_PID]: '7' });
  });
});

describe('commandPid', () => {
  it("is this process's pid, unless its parent launched it from the snapshot", () => {
    expect(commandPid()).toBe(process.pid);
    process.env[LAUNCHER_PID] = String(process.ppid);
    expect(commandPid()).toBe(process.ppid);
  });

  it('ignores a launcher pid that is not its parent (inherited by a process the command started)', () => {
    process.env[LAUNCHER_PID] = String(process.ppid + 1);
    expect(commandPid()).toBe(process.pid);
    process.env[LAUNCHER_PID] = 'abc';
    expect(commandPid()).toBe(process.pid);
  });
});
