// EXPERIMENT tool (issue 15, item 3; reverted). For each .cpuprofile in DIR (node --cpu-prof of the snapshot child):
// the main thread's idle and busy ms before renderPng first runs. node bench/idleBeforePng.mjs DIR
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
for (const f of readdirSync(dir)) {
  const p = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n])); const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const under = (id, name) => { let x = id; while (x !== undefined) { if (byId.get(x).callFrame.functionName === name) return true; x = parent.get(x); } return false; };
  let t = 0, idle = 0, busy = 0, first;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000; t += p.timeDeltas[i] / 1000;
    if (first === undefined && under(p.samples[i], 'renderPng')) first = t;
    if (first !== undefined) break;
    if (byId.get(p.samples[i]).callFrame.functionName === '(idle)') idle += dt; else busy += dt;
  }
  console.log(`renderPng first at ${first.toFixed(1)} ms; before it: main thread idle ${idle.toFixed(1)} ms, busy ${busy.toFixed(1)} ms`);
}
