#!/usr/bin/env bash
# Where the time goes: JFR on a system under one workload of run.sh, then summaries of each
# recording: CPU samples (inclusive per method), allocation, and the garbage collector's pauses
# next to wrk's latency percentiles (a tail that GC pauses explain shows up in both).
#   bench/profile.sh            (after bench/run.sh has built the jars and generated bench/.work/data)
# Knobs: RECORD (jfr, the default, or gclog: no JFR, only the JVM's GC log, so that throughput and
# latency are measured without JFR's overhead), SYSTEMS (default "mock"; also "bare"), WORKLOADS (default "contacts-200 contacts-404"),
# CONNS (default 32), SECONDS_PER_LOAD (default 60), PIN (1), JFR_VIEW (a JDK 21+ `jfr` for
# `jfr view`), OUT (default bench/results/profile), MOCK_JAR (default the built mock-server.jar),
# MOCK_ARGS (more options for the mock, e.g. "--no-request-log --journal-size 1" for an ablation).
# Writes OUT/<system>-<workload>-c<conns>.{jfr,wrk.json,inclusive.txt,gc.txt,hot-methods.txt,
# allocation-by-class.txt} (the mock at 32 connections keeps the old names <workload>.*), and
# prints one summary line per recording.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SECONDS_PER_LOAD=${SECONDS_PER_LOAD:-60}
CONNS=${CONNS:-32}
PIN=${PIN:-1}
RECORD=${RECORD:-jfr}
read -r -a SYSTEMS <<<"${SYSTEMS:-mock}"
read -r -a WORKLOADS <<<"${WORKLOADS:-contacts-200 contacts-404}"
read -r -a MOCK_ARGS <<<"${MOCK_ARGS:-}"
JFR_VIEW=${JFR_VIEW:-$(ls -d /usr/lib/jvm/temurin-2*/bin/jfr 2>/dev/null | tail -1)}
OUT=${OUT:-$BENCH/results/profile}
DATA="$BENCH/.work/data"
MOCK_JAR=${MOCK_JAR:-$ROOT/mock-server/target/mock-server.jar}
BARE_JAR="$BENCH/bare-javalin/target/bare-javalin.jar"
mkdir -p "$OUT" "$BENCH/.work/logs"
if [[ $PIN == 1 ]]; then SRV=(taskset -c 1); WRK=(taskset -c 0 wrk -t1); T=1; else SRV=(); WRK=(wrk -t2); T=2; fi

# Statistics of "<pause ms> <kind>" lines on stdin, over the recorded SECONDS_PER_LOAD.
pause_stats() {
  sort -n | awk -v secs="$SECONDS_PER_LOAD" '
    { p[++n] = $1; sum += $1; count[$2]++ }
    END {
      printf "pauses: %d in %d s (%.1f/s), total %.0f ms (%.2f%% of the time), median %.2f ms, max %.2f ms\n",
        n, secs, n / secs, sum, 100 * sum / (secs * 1000), n ? p[int((n + 1) / 2)] : 0, n ? p[n] : 0
      for (k in count) printf "  %s: %d\n", k, count[k]
    }'
}

for sys in "${SYSTEMS[@]}"; do
  for w in "${WORKLOADS[@]}"; do
    if [[ $sys == mock && $CONNS == 32 && $RECORD == jfr ]]; then name=$w; else name=$sys-$w-c$CONNS; fi
    [[ $RECORD == gclog ]] && name=$name-gclog
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    case $sys in
      mock) jar=(-jar "$MOCK_JAR" --port "$port" "${MOCK_ARGS[@]}") ;;
      bare) jar=(-jar "$BARE_JAR" "$port" "$ROOT/fixtures") ;;
      *) echo "unknown system: $sys (mock or bare)" >&2; exit 2 ;;
    esac
    if [[ $RECORD == gclog ]]; then
      cmd=(java "-Xlog:gc:file=$OUT/$name.log" "${jar[@]}")
    else
      cmd=(java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints "${jar[@]}")
    fi
    "${SRV[@]}" "${cmd[@]}" >"$BENCH/.work/logs/profile-$name.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/Contacts?secret=$(head -1 "$DATA/secrets.txt")"; do sleep 0.2; done
    pool=()
    if [[ $w == lms-fresh ]]; then
      # enough fresh tokens for warm-up and recording at the mock's speed (at most 100,000: its cap)
      java -cp "$BARE_JAR" io.contractkit.bench.Pool "$DATA" 0 100000 "$OUT/$name.pool" \
        $([[ $sys == mock ]] && echo "$port") >&2
      pool=("$OUT/$name.pool")
    fi
    # warm up, then record the same load
    "${WRK[@]}" -c"$CONNS" -d10s -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:$port" -- "$w" "$DATA" 901 "$T" "${pool[@]}" >/dev/null
    [[ $RECORD == jfr ]] && jcmd "$pid" JFR.start name=bench settings=profile filename="$OUT/$name.jfr" >/dev/null
    [[ $RECORD == gclog ]] && gc_from=$(wc -l <"$OUT/$name.log")
    "${WRK[@]}" -c"$CONNS" -d"${SECONDS_PER_LOAD}s" --latency -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:$port" \
      -- "$w" "$DATA" 902 "$T" "${pool[@]}" | tail -1 >"$OUT/$name.wrk.json"
    [[ $RECORD == jfr ]] && jcmd "$pid" JFR.stop name=bench >/dev/null
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -f "$OUT/$name.pool"

    if [[ $RECORD == gclog ]]; then
      # the pauses during the recorded load only (lines after the warm-up)
      tail -n +"$((gc_from + 1))" "$OUT/$name.log" | grep -o 'Pause Young.* \([0-9.]*\)ms$' \
        | sed 's/.* \([0-9.]*\)ms$/\1 young/' | pause_stats >"$OUT/$name.gc.txt"
      grep -m1 -o 'Using [A-Za-z0-9 ]*' "$OUT/$name.log" >>"$OUT/$name.gc.txt" || true
      echo "$name: $(jq -c '{rps, p50_us, p99_us, unexpected}' "$OUT/$name.wrk.json") $(head -1 "$OUT/$name.gc.txt")" >&2
      continue
    fi

    if [[ -n $JFR_VIEW ]]; then
      "$JFR_VIEW" view --width 200 hot-methods "$OUT/$name.jfr" >"$OUT/$name.hot-methods.txt" || true
      "$JFR_VIEW" view --width 200 allocation-by-class "$OUT/$name.jfr" >"$OUT/$name.allocation-by-class.txt" || true
    fi
    # Inclusive time per frame: in how many CPU samples a method is on the stack
    jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/$name.jfr" >"$OUT/$name.samples.txt"
    awk '
      /jdk.ExecutionSample/ { n++; delete seen; next }
      /line:/ { sub(/^[ \t]+/, ""); sub(/\(.*/, ""); if (!($0 in seen)) { seen[$0]=1; inc[$0]++ } }
      END { for (m in inc) printf "%6d %5.1f%% %s\n", inc[m], 100*inc[m]/n, m }
    ' "$OUT/$name.samples.txt" | sort -rn | head -250 >"$OUT/$name.inclusive.txt"
    echo "samples: $(grep -c 'jdk.ExecutionSample' "$OUT/$name.samples.txt")" >>"$OUT/$name.inclusive.txt"
    rm "$OUT/$name.samples.txt"
    # The collector's pauses during the recording: which collector, how many, how long
    {
      jfr print --events jdk.GCConfiguration "$OUT/$name.jfr" | grep -E 'youngCollector|oldCollector' | sort -u
      jfr print --events jdk.GarbageCollection "$OUT/$name.jfr" | awk '
        /name = / { gsub(/"/, "", $3); kind = $3 }
        /sumOfPauses = / {
          v = $3; u = $4
          ms = (u ~ /^us/) ? v / 1000 : (u ~ /^ms/) ? v : (u ~ /^ns/) ? v / 1e6 : (u ~ /^s/) ? v * 1000 : v
          print ms, kind
        }' | pause_stats
    } >"$OUT/$name.gc.txt"
    echo "$name: $(jq -c '{rps, p50_us, p99_us, unexpected}' "$OUT/$name.wrk.json") $(grep '^pauses' "$OUT/$name.gc.txt")" >&2
  done
done
