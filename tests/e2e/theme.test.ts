// `citechart build --theme dark` through the built CLI.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

describe('build --theme', () => {
  it('dark draws the graphic in the dark palette; light (the default) does not', async () => {
    const cwd = makeProject(minimalProject);
    const dark = await runCli(['build', '--theme', 'dark'], { cwd });
    expect(dark.code).toBe(0);
    expect(readText(cwd, 'output/exports.svg')).toMatch(/class="citechart-background" aria-hidden="true" width="\d+" height="\d+" fill="#1b1b1b"/);
    const light = await runCli(['build'], { cwd });
    expect(light.code).toBe(0);
    expect(readText(cwd, 'output/exports.svg')).toMatch(/class="citechart-background" aria-hidden="true" width="\d+" height="\d+" fill="#ffffff"/);
  });

  it('an unknown scheme is a usage error naming the choices, and nothing is built', async () => {
    const cwd = makeProject(minimalProject);
    const result = await runCli(['build', '--theme', 'sepia'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/argument 'sepia' is invalid\. Allowed choices are light, dark/);
    expect(result.outLines).toEqual([]);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('is documented in build --help', async () => {
    const result = await runCli(['build', '--help'], { cwd: makeProject(minimalProject) });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('--theme <scheme> colour scheme of SVG and PNG (choices: "light", "dark", default: "light")');
  });
});
