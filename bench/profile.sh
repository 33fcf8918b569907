#!/usr/bin/env bash
# Where the mock's time goes: JFR on the mock (default settings, bundled fixtures) under the
# contacts-200 and contacts-404 workloads of run.sh, then summaries of the recordings.
#   bench/profile.sh            (after bench/run.sh has built the jars and generated bench/.work/data)
# Knobs: SECONDS_PER_LOAD (default 60), CONNS (default 32), PIN (1), JFR_VIEW (a JDK 21+ `jfr` for `jfr view`),
# OUT (default bench/results/profile), MOCK_JAR (default the built mock-server.jar).
# Writes bench/results/profile/{contacts-200,contacts-404}.{jfr,hot-methods.txt,top-frames.txt,stacks.txt}.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SECONDS_PER_LOAD=${SECONDS_PER_LOAD:-60}
CONNS=${CONNS:-32}
PIN=${PIN:-1}
JFR_VIEW=${JFR_VIEW:-$(ls -d /usr/lib/jvm/temurin-2*/bin/jfr 2>/dev/null | tail -1)}
OUT=${OUT:-$BENCH/results/profile}
DATA="$BENCH/.work/data"
mkdir -p "$OUT"
if [[ $PIN == 1 ]]; then SRV=(taskset -c 1); WRK=(taskset -c 0 wrk -t1); T=1; else SRV=(); WRK=(wrk -t2); T=2; fi

for w in contacts-200 contacts-404; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${SRV[@]}" java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    -jar "${MOCK_JAR:-$ROOT/mock-server/target/mock-server.jar}" --port "$port" >"$BENCH/.work/logs/profile-$w.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/__admin/health"; do sleep 0.2; done
  # warm up, then record the same load
  "${WRK[@]}" -c"$CONNS" -d10s -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:$port" -- "$w" "$DATA" 901 "$T" >/dev/null
  jcmd "$pid" JFR.start name=bench settings=profile filename="$OUT/$w.jfr" >/dev/null
  "${WRK[@]}" -c"$CONNS" -d"${SECONDS_PER_LOAD}s" --latency -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:$port" \
    -- "$w" "$DATA" 902 "$T" | tail -1 >"$OUT/$w.wrk.json"
  jcmd "$pid" JFR.stop name=bench >/dev/null
  kill "$pid"; wait "$pid" 2>/dev/null || true

  if [[ -n $JFR_VIEW ]]; then
    "$JFR_VIEW" view --width 200 hot-methods "$OUT/$w.jfr" >"$OUT/$w.hot-methods.txt" || true
    "$JFR_VIEW" view --width 200 allocation-by-class "$OUT/$w.jfr" >"$OUT/$w.allocation-by-class.txt" || true
  fi
  # Inclusive time per frame of interest: in how many CPU samples does a method appear on the stack
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/$w.jfr" >"$OUT/$w.samples.txt"
  awk '
    /jdk.ExecutionSample/ { if (n) flush(); n++; delete seen; next }
    /line:/ { sub(/^[ \t]+/, ""); sub(/\(.*/, ""); if (!($0 in seen)) { seen[$0]=1; inc[$0]++ } }
    function flush() {}
    END { for (m in inc) printf "%6d %5.1f%% %s\n", inc[m], 100*inc[m]/n, m }
  ' "$OUT/$w.samples.txt" | sort -rn | head -250 >"$OUT/$w.inclusive.txt"
  echo "samples: $(grep -c 'jdk.ExecutionSample' "$OUT/$w.samples.txt")" >>"$OUT/$w.inclusive.txt"
  rm "$OUT/$w.samples.txt"
  echo "$w: $(jq -c '{rps, p99_us, unexpected}' "$OUT/$w.wrk.json")" >&2
done
