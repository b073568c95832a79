import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, writeManifest, type ManifestEntry } from '../../src/write/manifest.js';
import { OutputError } from '../../src/write/outputError.js';
import { LOCK_FILE, lockOutput } from '../../src/write/outputLock.js';
import { removeStaleTemps, TEMP_PREFIX } from '../../src/write/tempFiles.js';
import { commitStaged, discardAhead, stageAhead, stageFile, writeAllOrNone, writeAtomic } from '../../src/write/writeAtomic.js';
import { readsBack, writeFully } from '../../src/write/writeFully.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'citechart-write-'));
const entry = (title: string): ManifestEntry => ({ title, files: [`output/${title}.svg`], sources: ['s'], inputs: [{ file: 'data/x.csv', sha256: 'ab' }] });

describe('writeAtomic', () => {
  it('creates folders and leaves no temporary file behind', async () => {
    const dir = tmp();
    await writeAtomic(path.join(dir, 'out', 'a.svg'), '<svg/>');
    expect(readFileSync(path.join(dir, 'out', 'a.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['a.svg']);
  });

  it('replaces an existing file whole', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.svg');
    writeFileSync(file, 'previous, and longer than the new content');
    await writeAtomic(file, '<svg/>');
    expect(readFileSync(file, 'utf8')).toBe('<svg/>');
    expect(readdirSync(dir)).toEqual(['a.svg']);
  });

  it('writeAllOrNone returns the bytes it wrote, a string as UTF-8, and replacing files leaves no backup behind', async () => {
    const dir = tmp();
    const svg = path.join(dir, 'a.svg');
    const png = path.join(dir, 'a.png');
    writeFileSync(svg, 'previous');
    writeFileSync(png, 'previous');
    // The smallest whole PNG: signature, IHDR (1×1, grey) and IEND with their CRCs.
    const pngBytes = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000049454e44ae426082', 'hex');
    const text = '<svg><text>Zürich – 4½ %</text></svg>';
    const bytes = await writeAllOrNone([{ file: svg, data: text }, { file: png, data: pngBytes }]);
    expect(bytes.map((b) => Buffer.from(b).toString('hex'))).toEqual([Buffer.from(text, 'utf8').toString('hex'), pngBytes.toString('hex')]);
    expect(readFileSync(svg)).toEqual(Buffer.from(text, 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['a.png', 'a.svg']);
  });
});

describe('writeFully', () => {
  it('writes again after each short write, to the last byte', async () => {
    const file = Buffer.alloc(10);
    const calls: number[] = [];
    // As write(2) on a nearly full disk: fewer bytes than asked, no error.
    const write = async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      const n = Math.min(length, 3);
      calls.push(n);
      file.set(buffer.subarray(offset, offset + n), position);
      return n;
    };
    await writeFully(write, Buffer.from('0123456789'));
    expect(file.toString()).toBe('0123456789');
    expect(calls).toEqual([3, 3, 3, 1]);
  });

  it('a write that stores nothing is a full disk, not a loop', async () => {
    await expect(writeFully(async () => 0, Buffer.from('abc'))).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});

describe('readsBack', () => {
  /** read(2) of `file`, at most `most` bytes a call (a short read, as POSIX allows). */
  const reader = (file: Buffer, most: number) => (buffer: Uint8Array, offset: number, length: number, position: number) => {
    const n = Math.max(0, Math.min(length, most, file.byteLength - position));
    buffer.set(file.subarray(position, position + n), offset);
    return n;
  };

  it('reads on after short reads, and finds the file whole', () => {
    expect(readsBack(reader(Buffer.from('0123456789'), 3), Buffer.from('0123456789'))).toBe(true);
  });

  it('finds a file shorter, longer or other than what was written', () => {
    expect(readsBack(reader(Buffer.from('012345678'), 4), Buffer.from('0123456789'))).toBe(false);
    expect(readsBack(reader(Buffer.from('0123456789!'), 4), Buffer.from('0123456789'))).toBe(false);
    expect(readsBack(reader(Buffer.from('0123456788'), 4), Buffer.from('0123456789'))).toBe(false);
    expect(readsBack(reader(Buffer.alloc(0), 4), Buffer.alloc(0))).toBe(true);
  });
});

describe('all or none', () => {
  it('a rename that fails puts back the files already renamed', async () => {
    const dir = tmp();
    for (const name of ['a.txt', 'b.txt']) writeFileSync(path.join(dir, name), `old ${name}`);
    const staged = [await stageFile(path.join(dir, 'a.txt'), 'new a'), await stageFile(path.join(dir, 'b.txt'), 'new b')];
    // A folder appears in b's place between staging and renaming.
    rmSync(path.join(dir, 'b.txt'));
    mkdirSync(path.join(dir, 'b.txt'));
    const error = await commitStaged(staged).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).diagnostics[0]?.file).toBe(path.join(dir, 'b.txt'));
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('old a.txt');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('a file that cannot be staged leaves every other file of the set as it was', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.svg'), 'old');
    mkdirSync(path.join(dir, 'a.html'));
    await expect(writeAllOrNone([{ file: path.join(dir, 'a.svg'), data: '<svg/>' }, { file: path.join(dir, 'a.html'), data: 'x' }])).rejects.toThrow(/EISDIR/);
    expect(readFileSync(path.join(dir, 'a.svg'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.svg']);
  });

  it('a set whose first file fails leaves none of its files, names that file, and keeps the previous ones', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.png'), 'old png');
    mkdirSync(path.join(dir, 'a.svg'));
    mkdirSync(path.join(dir, 'a.html'));
    const png = Buffer.from(readFileSync(new URL('../../output/china-supplies.fr.png', import.meta.url)));
    const files = [{ file: path.join(dir, 'a.svg'), data: '<svg/>' }, { file: path.join(dir, 'a.png'), data: png }, { file: path.join(dir, 'a.html'), data: '<html></html>' }];
    const error = await writeAllOrNone(files).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).diagnostics.map((problem) => problem.file)).toEqual([path.join(dir, 'a.svg')]);
    // No temporary file is left, the old PNG kept.
    expect(readFileSync(path.join(dir, 'a.png'), 'utf8')).toBe('old png');
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.png', 'a.svg']);
  });

  it('a graphic that is not whole (a renderer bug) is never renamed into place, and is no user error', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.png'), 'old');
    for (const [name, data] of [['a.png', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')], ['a.svg', '<svg><g>'], ['a.json', '{"charts": ']] as const) {
      const error = await writeAtomic(path.join(dir, name), data).catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(Error);
      expect(error, name).not.toBeInstanceOf(OutputError);
    }
    expect(readFileSync(path.join(dir, 'a.png'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.png']);
  });
});

describe('a first file staged ahead (stageAhead)', () => {
  // The smallest whole PNG: signature, IHDR (1×1, grey) and IEND with their CRCs.
  const pngBytes = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000049454e44ae426082', 'hex');
  const temps = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(TEMP_PREFIX));

  it('is staged before the set is written, then taken as its first file: written once, no temporary file left', async () => {
    const dir = tmp();
    const svg = path.join(dir, 'out', 'a.svg');
    const ahead = stageAhead(svg, '<svg/>');
    const staged = await ahead.staged;
    // On disk under its temporary name (its folder made), not yet in place.
    expect(readdirSync(path.join(dir, 'out'))).toEqual([path.basename(staged.temp)]);
    const bytes = await writeAllOrNone([{ file: svg, data: '<svg/>' }, { file: path.join(dir, 'out', 'a.png'), data: pngBytes }], ahead);
    expect(Buffer.from(bytes[0]!).toString('utf8')).toBe('<svg/>');
    expect(readFileSync(svg, 'utf8')).toBe('<svg/>');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['a.png', 'a.svg']);
  });

  it('is discarded when the set starts with other bytes, which are written instead', async () => {
    const dir = tmp();
    const svg = path.join(dir, 'a.svg');
    const ahead = stageAhead(svg, '<svg>ahead</svg>');
    await writeAllOrNone([{ file: svg, data: '<svg>drawn</svg>' }], ahead);
    expect(readFileSync(svg, 'utf8')).toBe('<svg>drawn</svg>');
    expect(readdirSync(dir)).toEqual(['a.svg']);
  });

  it('that failed fails the set first, naming its file, before any other file is staged', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'a.svg'));
    writeFileSync(path.join(dir, 'a.png'), 'old png');
    const ahead = stageAhead(path.join(dir, 'a.svg'), '<svg/>');
    const error = await writeAllOrNone([{ file: path.join(dir, 'a.svg'), data: '<svg/>' }, { file: path.join(dir, 'a.png'), data: pngBytes }], ahead).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).diagnostics.map((problem) => problem.file)).toEqual([path.join(dir, 'a.svg')]);
    expect(readFileSync(path.join(dir, 'a.png'), 'utf8')).toBe('old png');
    expect(temps(dir)).toEqual([]);
  });

  it('is removed by discardAhead (a chart that failed after it), and a failed one is no error there', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.svg'), 'previous');
    const ahead = stageAhead(path.join(dir, 'a.svg'), '<svg/>');
    await ahead.staged;
    expect(temps(dir)).toHaveLength(1);
    await discardAhead(ahead);
    expect(readdirSync(dir)).toEqual(['a.svg']);
    expect(readFileSync(path.join(dir, 'a.svg'), 'utf8')).toBe('previous');
    mkdirSync(path.join(dir, 'b.svg'));
    await expect(discardAhead(stageAhead(path.join(dir, 'b.svg'), '<svg/>'))).resolves.toBeUndefined();
  });
});

describe('links', () => {
  it('never writes through a symbolic link: refused with the path, its target untouched', async () => {
    const dir = tmp();
    const outside = path.join(tmp(), 'secret.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, path.join(dir, 'a.svg'));
    await expect(writeAtomic(path.join(dir, 'a.svg'), '<svg/>')).rejects.toThrow(`${path.join(dir, 'a.svg')}: error: this is a symbolic link`);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['a.svg']);
  });
});

describe('temporary files', () => {
  it('are named recognisably, and stale ones are removed; a user file with a similar name is kept', async () => {
    const dir = tmp();
    const staged = await stageFile(path.join(dir, 'a.svg'), '<svg/>');
    expect(path.basename(staged.temp).startsWith(TEMP_PREFIX)).toBe(true);
    // write-file-atomic's names, from earlier versions: beside our own files only.
    writeFileSync(path.join(dir, 'a.svg.3141592653'), 'half');
    writeFileSync(path.join(dir, 'notes.txt.3141592653'), 'mine');
    writeFileSync(path.join(dir, 'a.svg'), '<svg/>');
    expect(await removeStaleTemps(dir, (name) => name === 'a.svg')).toEqual([path.basename(staged.temp), 'a.svg.3141592653'].sort());
    expect(readdirSync(dir).sort()).toEqual(['a.svg', 'notes.txt.3141592653']);
  });
});

describe('manifest', () => {
  it('reads an empty manifest when there is none or it is corrupt', async () => {
    const dir = tmp();
    expect(await readManifest(dir)).toEqual({ generator: 'citechart', charts: Object.create(null) });
    writeFileSync(path.join(dir, 'manifest.json'), '{not json');
    expect(await readManifest(dir)).toEqual({ generator: 'citechart', charts: Object.create(null) });
  });

  it('updates the charts built, keeps the others, drops deleted specs, sorted', async () => {
    const dir = tmp();
    await writeManifest(dir, new Map([['b', entry('b')], ['a', entry('a')], ['gone', entry('gone')]]), ['a', 'b', 'gone']);
    await writeManifest(dir, new Map([['b', entry('b2')]]), ['a', 'b']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.charts)).toEqual(['a', 'b']);
    expect(manifest.charts.a.title).toBe('a');
    expect(manifest.charts.b.title).toBe('b2');
  });
});

describe('lockOutput', () => {
  it('one holder at a time, in this process too; released, it can be taken again', async () => {
    const dir = tmp();
    const release = await lockOutput(dir);
    await expect(lockOutput(dir)).rejects.toThrow(`another build (pid ${process.pid}) is writing this folder`);
    await release();
    expect(readdirSync(dir)).toEqual([]);
    await (await lockOutput(dir))();
  });

  it('takes over a lock cut short by a crash once it is old, not while it may be being written', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, LOCK_FILE), '');
    await expect(lockOutput(dir)).rejects.toThrow(/^.+: error: another build is writing this folder/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, LOCK_FILE), old, old);
    await (await lockOutput(dir))();
  });

  it('a lock whose pid is written a moment after it was made is reported with that pid', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, LOCK_FILE), '');
    setTimeout(() => writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: os.hostname() }) + '\n'), 50);
    await expect(lockOutput(dir)).rejects.toThrow(`another build (pid ${process.ppid}) is writing this folder`);
  });

  // kill -9 of `citechart` (the launcher) leaves its child from the startup snapshot writing for a moment.
  it('a lock whose launcher is gone but whose writer still runs is held, naming the writer; both gone, it is taken over', async () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: os.hostname(), writer: process.ppid }) + '\n');
    await expect(lockOutput(dir)).rejects.toThrow(`another build (pid ${process.ppid}) is writing this folder`);
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: os.hostname(), writer: dead }) + '\n');
    await (await lockOutput(dir))();
    expect(readdirSync(dir)).toEqual([]);
  });

  // A build killed with kill -9 under a parent that has not yet waited for it stays a zombie: it answers signal 0.
  it.runIf(process.platform === 'linux')('a lock whose build is a zombie (exited, not yet reaped) is taken over', async () => {
    const dir = tmp();
    // The child is killed only once its parent has exec'd into `sleep`, which never waits for it: a zombie until the
    // parent ends. (A child that exited by itself could end before the exec, under load, and the shell reaped it.)
    const parent = spawn('sh', ['-c', 'sleep 120 & echo $!; exec sleep 120'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number((await once(parent.stdout!, 'data'))[0].toString().trim());
      await expect.poll(() => readFileSync(`/proc/${parent.pid}/comm`, 'latin1').trim(), { timeout: 60_000 }).toBe('sleep');
      process.kill(zombie, 'SIGKILL');
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'latin1').split(') ')[1]?.[0], { timeout: 60_000 }).toBe('Z');
      writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: zombie, host: os.hostname() }) + '\n');
      await (await lockOutput(dir))();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
