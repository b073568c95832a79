// Installs the peer, vega-cli 6.4 with node-canvas, into bench/peer/ (git
// ignored, never part of citechart), saying what it does. node-canvas is
// built from source against Debian's cairo and pango development packages;
// npm 11 runs its install script only once approved.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PEER = path.join(path.dirname(new URL(import.meta.url).pathname), 'peer');
const DEBIAN = ['libcairo2-dev', 'libpango1.0-dev', 'libjpeg-dev', 'libgif-dev', 'librsvg2-dev'];
const sh = (command) => execSync(command, { cwd: PEER, stdio: ['ignore', 'inherit', 'inherit'] });

export const peerBin = (name) => path.join(PEER, 'node_modules', '.bin', name);

export function ensurePeer() {
  const canvasLoads = () => spawnSync(process.execPath, ['-e', "require('canvas')"], { cwd: PEER }).status === 0;
  if (existsSync(peerBin('vl2png')) && canvasLoads()) return;
  mkdirSync(PEER, { recursive: true });
  const missing = DEBIAN.filter((pkg) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status !== 0);
  if (missing.length) {
    console.log(`bench: installing Debian packages for node-canvas: ${missing.join(' ')}`);
    // A fresh machine's package lists may be missing or stale: install then finds nothing.
    sh('apt-get update');
    sh(`apt-get install -y ${missing.join(' ')}`);
  }
  console.log('bench: installing vega-cli 6.4.0 with node-canvas into bench/peer/');
  writeFileSync(path.join(PEER, 'package.json'), JSON.stringify({
    name: 'citechart-bench-peer', private: true,
    dependencies: { vega: '6.4.0', 'vega-cli': '6.4.0', 'vega-lite': '6.4.3' },
  }, null, 2) + '\n');
  sh('npm install --no-audit --no-fund');
  sh('npm install-scripts approve canvas');
  sh('npm rebuild canvas');
  if (!canvasLoads()) throw new Error('bench: node-canvas did not build; see the output above');
}
