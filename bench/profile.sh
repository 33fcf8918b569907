#!/usr/bin/env bash
# Where the time goes: a system under one workload of run.sh, recorded after a warm-up, then summarised.
#   bench/profile.sh            (after bench/run.sh has built the jars and generated bench/.work/data)
# RECORD picks the recording:
#   async (the default): async-profiler (from Maven Central, sha1 checked), attached with jcmd only for the
#     measured load, CPU samples (event=cpu, one per AP_INTERVAL_US µs of CPU time; perf_events' software
#     clock, or a timer where perf_events is not allowed): a flame graph (<name>.html), the collapsed stacks
#     (<name>.collapsed.gz) and, for each workload recorded for both the mock and the bare ceiling,
#     <workload>-c<conns>.summary.md: CPU per answered request in groups of frames, mock next to ceiling,
#     and the frames whose own time differs most (io.contractkit.bench.FlameSummary).
#   jfr: JFR with settings=profile (on this project's machine JFR slowed the mock 7x: see bench/README.md).
#   gclog: no profiler, only the JVM's GC log, so that throughput and latency are measured undisturbed.
# Knobs: SYSTEMS (default "mock bare" for async, "mock" otherwise), WORKLOADS (default "contacts-200 contacts-404"),
# CONNS (default 32), WARMUP_SECONDS (default 30: the JIT is still busy at 10 s on one CPU),
# SECONDS_PER_LOAD (default 40 for async, in ROUNDS (default 4) interleaved rounds; 60 otherwise),
# AP_INTERVAL_US (default 200), PIN (1),
# JFR_VIEW (a JDK 21+ `jfr` for `jfr view`), OUT (default bench/results/profile, and
# bench/results/profile/async for async), MOCK_JAR (default the built mock-server.jar), MOCK_ARGS (more
# options for the mock, e.g. "--no-request-log --journal-size 1" for an ablation).
# Writes OUT/<system>-<workload>-c<conns>.* (JFR of the mock at 32 connections keeps the old names
# <workload>.*), and prints one summary line per recording.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
RECORD=${RECORD:-async}
if [[ $RECORD == async ]]; then default_seconds=40 default_systems="mock bare"; else default_seconds=60 default_systems=mock; fi
SECONDS_PER_LOAD=${SECONDS_PER_LOAD:-$default_seconds}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
AP_INTERVAL_US=${AP_INTERVAL_US:-200}
AP_VERSION=4.6
CONNS=${CONNS:-32}
PIN=${PIN:-1}
read -r -a SYSTEMS <<<"${SYSTEMS:-$default_systems}"
read -r -a WORKLOADS <<<"${WORKLOADS:-contacts-200 contacts-404}"
read -r -a MOCK_ARGS <<<"${MOCK_ARGS:-}"
JFR_VIEW=${JFR_VIEW:-$(ls -d /usr/lib/jvm/temurin-2*/bin/jfr 2>/dev/null | tail -1)}
if [[ $RECORD == async ]]; then OUT=${OUT:-$BENCH/results/profile/async}; else OUT=${OUT:-$BENCH/results/profile}; fi
DATA="$BENCH/.work/data"
MOCK_JAR=${MOCK_JAR:-$ROOT/mock-server/target/mock-server.jar}
BARE_JAR="$BENCH/bare-javalin/target/bare-javalin.jar"
mkdir -p "$OUT" "$BENCH/.work/logs"
case $RECORD in async | jfr | gclog) ;; *) echo "RECORD: async, jfr or gclog, not $RECORD" >&2; exit 2 ;; esac

# async-profiler's agent library, from Maven Central (its jar holds the native libraries)
if [[ $RECORD == async ]]; then
  case $(uname -m) in x86_64) ap_arch=linux-x64 ;; aarch64) ap_arch=linux-arm64 ;; *) echo "async-profiler: no library for $(uname -m)" >&2; exit 2 ;; esac
  AP_JAR="$BENCH/.work/async-profiler-$AP_VERSION.jar"
  if [[ ! -s $AP_JAR ]]; then
    url="https://repo.maven.apache.org/maven2/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
    echo "downloading $url" >&2
    curl -sSfL -o "$AP_JAR.part" "$url"
    echo "$(curl -sSfL "$url.sha1")  $AP_JAR.part" | sha1sum -c --quiet
    mv "$AP_JAR.part" "$AP_JAR"
  fi
  AP_LIB="$BENCH/.work/async-profiler-$AP_VERSION/$ap_arch/libasyncProfiler.so"
  [[ -s $AP_LIB ]] || unzip -q -o "$AP_JAR" "$ap_arch/libasyncProfiler.so" -d "$BENCH/.work/async-profiler-$AP_VERSION"
fi
# Sends one command to the async-profiler agent in process $1 (the agent is loaded by the first).
# jcmd splits its arguments at '=', so the agent's options travel as one quoted string.
asprof() { jcmd "$1" JVMTI.agent_load "$AP_LIB" "\"$2\"" >/dev/null; }

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

# Starts system $1 (log: .work/logs/profile-$2.log) on a free port with the JVM options that follow, under
# the load's CPU pinning, and waits for its first answer: sets pid and port.
start_system() {
  local sys=$1 label=$2 jar
  shift 2
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  case $sys in
    mock) jar=(-jar "$MOCK_JAR" --port "$port" "${MOCK_ARGS[@]}") ;;
    bare) jar=(-jar "$BARE_JAR" "$port" "$ROOT/fixtures") ;;
    *) echo "unknown system: $sys (mock or bare)" >&2; exit 2 ;;
  esac
  "${SRV[@]}" java "$@" "${jar[@]}" >"$BENCH/.work/logs/profile-$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/Contacts?secret=$(head -1 "$DATA/secrets.txt")"; do sleep 0.2; done
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

if [[ $RECORD == async ]]; then
  # Every system runs at once (on the same CPU); after each one's warm-up the recorded load goes to them in
  # turn, ROUNDS times (order reversed every other round), so that a machine whose speed drifts slows
  # them alike. The profiler is resumed for each of a system's rounds: one recording per system.
  ROUNDS=${ROUNDS:-4}
  round_seconds=$(( (SECONDS_PER_LOAD + ROUNDS - 1) / ROUNDS ))
  for w in "${WORKLOADS[@]}"; do
    if [[ $w == lms-fresh ]]; then echo "RECORD=async: lms-fresh needs a token pool per round; skipped" >&2; continue; fi
    declare -A PID=() PORT=() TICKS=()
    for sys in "${SYSTEMS[@]}"; do
      start_system "$sys" "$sys-$w-c$CONNS" -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
      PID[$sys]=$pid PORT[$sys]=$port TICKS[$sys]=0
      rm -f "$OUT/$sys-$w-c$CONNS".{collapsed.gz,html,rounds.jsonl,wrk.json}
      "${WRK[@]}" -c"$CONNS" -d"${WARMUP_SECONDS}s" -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:$port" -- "$w" "$DATA" 901 "$T" >/dev/null
    done
    order=("${SYSTEMS[@]}")
    for ((r = 1; r <= ROUNDS; r++)); do
      for sys in "${order[@]}"; do
        pid=${PID[$sys]} name=$sys-$w-c$CONNS
        asprof "$pid" "$([[ $r == 1 ]] && echo start || echo resume),event=cpu,interval=${AP_INTERVAL_US}us"
        from=$(cpu_ticks "$pid")
        "${WRK[@]}" -c"$CONNS" -d"${round_seconds}s" --latency -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:${PORT[$sys]}" \
          -- "$w" "$DATA" "$((910 + r))" "$T" | tail -1 >>"$OUT/$name.rounds.jsonl"
        TICKS[$sys]=$(( TICKS[$sys] + $(cpu_ticks "$pid") - from ))
        if [[ $r == "$ROUNDS" ]]; then
          asprof "$pid" "dump,file=$OUT/$name.html,title=$name"
          asprof "$pid" "stop,file=$OUT/$name.collapsed,collapsed"
          gzip -f "$OUT/$name.collapsed"
        else
          asprof "$pid" "stop,file=/dev/null"
        fi
      done
      mapfile -t order < <(printf '%s\n' "${order[@]}" | tac)
    done
    for sys in "${SYSTEMS[@]}"; do
      kill "${PID[$sys]}"; wait "${PID[$sys]}" 2>/dev/null || true
      name=$sys-$w-c$CONNS
      # one line for the whole recording (requests summed, medians of the rounds), then nothing else
      jq -L "$BENCH" -s -c --argjson ticks "${TICKS[$sys]}" --argjson hz "$(getconf CLK_TCK)" '
        include "median";
        (map(.requests) | add) as $n
        | {requests: $n, rounds: length, rps_median: (map(.rps) | median), p50_us_median: (map(.p50_us) | median),
           p99_us_median: (map(.p99_us) | median), unexpected: (map(.unexpected) | add),
           cpu_us_per_req: ($ticks * 1e6 / $hz / $n * 10 | round / 10)}' \
        "$OUT/$name.rounds.jsonl" >"$OUT/$name.wrk.json"
      echo "$name: $(cat "$OUT/$name.wrk.json")" >&2
    done
    unset PID PORT TICKS
  done
fi

for sys in "${SYSTEMS[@]}"; do
  [[ $RECORD == async ]] && break
  for w in "${WORKLOADS[@]}"; do
    if [[ $sys == mock && $CONNS == 32 && $RECORD == jfr ]]; then name=$w; else name=$sys-$w-c$CONNS; fi
    [[ $RECORD == gclog ]] && name=$name-gclog
    if [[ $RECORD == gclog ]]; then
      start_system "$sys" "$name" "-Xlog:gc:file=$OUT/$name.log"
    else
      start_system "$sys" "$name" -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
    fi
    pool=()
    if [[ $w == lms-fresh ]]; then
      # enough fresh tokens for warm-up and recording at the mock's speed (at most 100,000: its cap)
      java -cp "$BARE_JAR" io.contractkit.bench.Pool "$DATA" 0 100000 "$OUT/$name.pool" \
        $([[ $sys == mock ]] && echo "$port") >&2
      pool=("$OUT/$name.pool")
    fi
    # warm up, then record the same load
    "${WRK[@]}" -c"$CONNS" -d"${WARMUP_SECONDS}s" -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:$port" -- "$w" "$DATA" 901 "$T" "${pool[@]}" >/dev/null
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

# CPU per request in groups of frames, mock next to the ceiling, for each workload recorded for both
if [[ $RECORD == async ]]; then
  for w in "${WORKLOADS[@]}"; do
    m="$OUT/mock-$w-c$CONNS" b="$OUT/bare-$w-c$CONNS"
    [[ -s $m.collapsed.gz && -s $b.collapsed.gz ]] || continue
    {
      echo "$w at $CONNS connections, ${WARMUP_SECONDS} s warm-up, $ROUNDS rounds of $round_seconds s recorded per system, interleaved;" \
        "commit $(git -C "$ROOT" rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
      echo
      java -cp "$BARE_JAR" io.contractkit.bench.FlameSummary "$AP_INTERVAL_US" \
        "mock=$m.collapsed.gz:$m.wrk.json" "bare=$b.collapsed.gz:$b.wrk.json"
    } >"$OUT/$w-c$CONNS.summary.md"
    echo "$OUT/$w-c$CONNS.summary.md" >&2
  done
fi
