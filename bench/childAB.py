# EXPERIMENT tool (issue 15, item 3). Interleaved A/B of the snapshot child (`citechart build CHART --force` as the launcher runs it) (wall via perf_counter around fork/exec, CPU user+sys via wait4 rusage).
# python3 bench/childAB.py ROUNDS NAME=DIST[:VAR#VAL,...] ...   (CHART env: chart name, default scatter-000)
import os, sys, time, statistics, subprocess
rounds = int(sys.argv[1])
variants = []
for arg in sys.argv[2:]:
    name, rest = arg.split('=', 1)
    dist, _, envs = rest.partition(':')
    extra = dict(e.split('#', 1) for e in envs.split(',') if e)
    variants.append(dict(name=name, dist=dist, env=extra, wall=[], cpu=[]))
chart = os.environ.get('CHART', 'scatter-000')
loads = []
for r in range(rounds):
    order = variants if r % 2 == 0 else variants[::-1]
    for v in order:
        env = dict(os.environ, MALLOC_ARENA_MAX='2', **v['env'])
        env.pop('NODE_EXTRA_CA_CERTS', None)
        args = ['node', '--initial-old-space-size=64', '--max-semi-space-size=4', '--snapshot-blob', v['dist'] + '/snapshot.blob', v['dist'] + '/cli.js', 'build', chart, '--force']
        t = time.perf_counter()
        p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = (time.perf_counter() - t) * 1000
        p.returncode = 0
        if status != 0: sys.exit(f'{v["name"]} failed: {status}')
        v['wall'].append(wall); v['cpu'].append((ru.ru_utime + ru.ru_stime) * 1000)
    loads.append(os.getloadavg()[0])
for v in variants:
    w, c = v['wall'], v['cpu']
    print(f"{v['name']:<12} wall {statistics.median(w):6.1f} ({min(w):.0f}-{max(w):.0f}) ms   cpu {statistics.median(c):6.1f} ({min(c):.0f}-{max(c):.0f}) ms   n={len(w)}")
print(f"1-min load average during the runs: {min(loads):.2f}-{max(loads):.2f}")
