#!/bin/sh
# EXPERIMENT tool (issue 15, item 3; reverted). Runs the snapshot child of
# `citechart build CHART --force` RUNS times with CITECHART_EXPERIMENT_TRACE=1
# (and any other CITECHART_EXPERIMENT_* in the environment) in the current
# folder (a bench corpus), and prints per run, in ms: sharp's load (from
# resvg loaded to sharp loaded; with CITECHART_EXPERIMENT_SERIAL=1 it runs
# alone, before the drawing), resvg's drawing (to the promise's resolution:
# no earlier than the main thread is free), their difference, the main
# thread's work between the drawing and the encoding (pixels, isOpaque),
# sharp's encoding, and the process's end.
#   sh bench/childTrace.sh DIST CHART RUNS
DIST=$1 CHART=$2 RUNS=$3
i=0
while [ "$i" -lt "$RUNS" ]; do
  CITECHART_EXPERIMENT_TRACE=1 env -u NODE_EXTRA_CA_CERTS MALLOC_ARENA_MAX=2 node --initial-old-space-size=64 --max-semi-space-size=4 \
    --snapshot-blob "$DIST/snapshot.blob" "$DIST/cli.js" build "$CHART" --force 2>&1 >/dev/null | awk -v chart="$CHART" '
    $1 == "T" { v[$2] = $3 }
    END {
      if ("preloaded" in v) printf "%s sharp-alone %.1f draw-alone %.1f", chart, v["preloaded"] - v["resvgLoaded"], v["all"] - v["preloaded"]
      else if (!("sharpLoaded" in v)) printf "%s (worker) draw %.1f", chart, v["drawn"] - v["resvgLoaded"]
      else printf "%s sharp %.1f draw %.1f sharp-minus-draw %.1f", chart, v["sharpLoaded"] - v["resvgLoaded"], v["drawn"] - v["resvgLoaded"], v["sharpLoaded"] - v["drawn"]
      printf " pixels+isOpaque %.1f encode %.1f exit %.1f\n", v["encodeStart"] - v["all"], v["encoded"] - v["encodeStart"], v["exit"]
    }'
  i=$((i + 1))
done
