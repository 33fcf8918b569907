#!/usr/bin/env bash
# The benchmark of bench/README.md: builds what it needs, starts each system on a free loopback port,
# loads it with wrk, and writes bench/results/{results.md,chart.svg,results.jsonl,...}.
#
#   bench/run.sh                                  # the full run (10 s x 5 rounds)
#   DURATION=3 ROUNDS=1 STARTS=2 MEM_SECONDS=10 CONF_RUNS=2 bench/run.sh   # a quick end-to-end check
#
# Knobs (environment): DURATION (s per cell), ROUNDS, CONNS ("32 128"), WARMUP (10: s per system and
# workload), STARTS (start-up samples per system), MEM_SECONDS (the memory run), CONF_RUNS (conformance
# suite runs), PHASES ("startup load memory conformance": the parts to run), PIN (1: server on CPU SERVER_CPU, wrk on CPU WRK_CPU; 0: no pinning), SKIP_BUILD=1,
# OUT (results folder), SYSTEMS ("mock wiremock wiremock-tuned bare") and WORKLOADS ("contacts-200 contacts-404
# lms-null lms-fresh") for a partial run (e.g. SYSTEMS="mock bare" while tuning the mock); the system
# mock-b is the mock from another jar, MOCK_B_JAR (default: the same jar), with MOCK_B_ARGS (more options,
# e.g. "--no-request-log"): an A/B comparison within one run; not on lms-fresh. MOCK_B_DASHBOARD=1 keeps one
# dashboard open on mock-b's live journal (its reads logged in .work/logs/mock-b-dashboard.log).
# The systems mock-redis (one mock with --store on a redis-server of its own) and mock-redis-x2 (two mocks
# on one redis-server, behind HAProxy) need Debian's redis-server and haproxy; with them, each result line
# has redis_cmds (INFO commandstats over the cell, by command, counting the commands run inside Lua scripts
# too), redis_cmds_per_req and redis_scripts_per_req (EVALSHA calls per answered request: the mock's API
# paths send nothing but script calls, so these are its round trips to Redis). Their cpu_ms counts every process of the system (mocks, redis-server, haproxy). They take
# part in the load phase only (not start-up, memory, conformance). REDIS_CPU (default SERVER_CPU) is the CPU
# their redis-server and haproxy are pinned to: REDIS_CPU=0 puts them beside wrk, so that the mocks have
# SERVER_CPU to themselves, as where Redis runs on a machine of its own.
# AUX_RT=1 runs redis-server and HAProxy under the real-time scheduler (chrt -f 10): on a core they share
# with wrk, they run as soon as they have work, ahead of wrk, which gets the rest of the core: closer to a
# Redis on a machine of its own than REDIS_CPU alone, where a reply may wait behind wrk's time slice.
# RATE (requests/s; default none): the load phase's cells offer about this load instead of the systems'
# capacity: each of the CONNS connections waits 1000 * CONNS / RATE ms (whole ms, at least 1) after an answer
# before its next request, so every system gets the same offered load and the latencies compare systems below
# their saturation; each result line gets offered_rps. The warm-up runs at capacity, as without RATE.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-5}
CONNS=${CONNS:-"32 128"}
WARMUP=${WARMUP:-10}
STARTS=${STARTS:-5}
MEM_SECONDS=${MEM_SECONDS:-60}
CONF_RUNS=${CONF_RUNS:-5}
PIN=${PIN:-1}
SERVER_CPU=${SERVER_CPU:-1}
REDIS_CPU=${REDIS_CPU:-$SERVER_CPU}
WRK_CPU=${WRK_CPU:-0}
RATE=${RATE:-}
AUX_RT=${AUX_RT:-0}
OUT=${OUT:-$BENCH/results}
WORK="$BENCH/.work"
WIREMOCK_VERSION=3.13.2
read -r -a SYSTEMS <<<"${SYSTEMS:-mock wiremock wiremock-tuned bare}"
read -r -a WORKLOADS <<<"${WORKLOADS:-contacts-200 contacts-404 lms-null lms-fresh}"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------------------------------- tools
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
command -v jq >/dev/null || need+=(jq)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v curl >/dev/null || need+=(curl)
if [[ " ${SYSTEMS:-} " == *" mock-redis"* ]]; then
  command -v redis-server >/dev/null || need+=(redis-server)
  command -v haproxy >/dev/null || need+=(haproxy)
fi
if [[ $AUX_RT == 1 ]]; then
  command -v chrt >/dev/null || need+=(util-linux)
fi
if ((${#need[@]})); then
  log "installing ${need[*]} (Debian packages)"
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v java >/dev/null && command -v jcmd >/dev/null && command -v jstat >/dev/null \
  || { echo "a JDK (java, jcmd, jstat) is needed" >&2; exit 1; }

if [[ $PIN == 1 ]]; then
  SRV=(taskset -c "$SERVER_CPU")
  AUX=(taskset -c "$REDIS_CPU")
  WRK=(taskset -c "$WRK_CPU" wrk -t1)
  WRK_THREADS=1
else
  SRV=()
  AUX=()
  WRK=(wrk -t2)
  WRK_THREADS=2
fi
[[ $AUX_RT == 1 ]] && AUX+=(chrt -f 10)

# ---------------------------------------------------------------------------------------- build
mkdir -p "$WORK/logs" "$WORK/data" "$OUT"
MOCK_JAR=${MOCK_JAR:-$ROOT/mock-server/target/mock-server.jar}
MOCK_B_JAR=${MOCK_B_JAR:-$MOCK_JAR}
MOCK_B_ARGS=${MOCK_B_ARGS:-}
# MOCK_B_DASHBOARD=1: mock-b has one dashboard open on its live journal for the whole run, as the page
# does it: the change stream (GET /__admin/events) open, and the journal read (GET
# /__admin/journal?limit=500) at every event it pushes.
MOCK_B_DASHBOARD=${MOCK_B_DASHBOARD:-0}
CONF_JAR="$ROOT/conformance-tests/target/conformance.jar"
BARE_JAR="$BENCH/bare-javalin/target/bare-javalin.jar"
WM_JAR="$WORK/wiremock-standalone-$WIREMOCK_VERSION.jar"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  log "building the mock, the conformance suite and bench/bare-javalin"
  (cd "$ROOT" && ./mvnw -q -pl mock-server,conformance-tests -am package -DskipTests \
    && ./mvnw -q -f bench/bare-javalin/pom.xml package -DskipTests)
fi
if [[ ! -s $WM_JAR ]]; then
  url="https://repo.maven.apache.org/maven2/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar"
  log "downloading $url"
  curl -sSfL -o "$WM_JAR.part" "$url"
  echo "$(curl -sSfL "$url.sha1")  $WM_JAR.part" | sha1sum -c --quiet
  mv "$WM_JAR.part" "$WM_JAR"
fi
DATA="$WORK/data"
rm -rf "$DATA" && mkdir -p "$DATA"
java -cp "$BARE_JAR" io.contractkit.bench.Gen "$ROOT/fixtures" "$DATA" >&2
SECRET=$(head -1 "$DATA/secrets.txt")

# ---------------------------------------------------------------------------------------- systems
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# command line of a system on a port (without pinning)
cmd_of() {
  local sys=$1 port=$2
  case $sys in
    mock) echo java -jar "$MOCK_JAR" --port "$port" ;;
    mock-b) echo java -jar "$MOCK_B_JAR" --port "$port" $MOCK_B_ARGS ;;
    wiremock) echo java -jar "$WM_JAR" --bind-address 127.0.0.1 --port "$port" --root-dir "$DATA/wiremock" --disable-banner ;;
    wiremock-tuned) echo java -jar "$WM_JAR" --bind-address 127.0.0.1 --port "$port" --root-dir "$DATA/wiremock" --disable-banner \
      --no-request-journal --container-threads 64 ;;
    bare) echo java -jar "$BARE_JAR" "$port" "$ROOT/fixtures" ;;
  esac
}
ready_url() { echo "http://127.0.0.1:$1/api/v1/Contacts?secret=$SECRET&ip=203.0.113.1"; }

declare -A PORT PID
# one dashboard on the journal panel of the system on port $1 (see MOCK_B_DASHBOARD)
open_dashboard() {
  local base="http://127.0.0.1:$1"
  curl -sN -H 'Accept: text/event-stream' "$base/__admin/events" | while IFS= read -r line; do
    [[ $line == data:* ]] && curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "$base/__admin/journal?limit=500"
  done >>"$WORK/logs/mock-b-dashboard.log"
}
# The processes of a system beyond PID[$sys] (redis-server, a second mock, haproxy): SYSTEM_PIDS[$sys]
# lists them all for its CPU time; REDIS_PORT[$sys] is its redis-server.
declare -A SYSTEM_PIDS REDIS_PORT
# starts $2... in the background as part $1 of the system (pinned like the server), logging to $WORK/logs/$1.log
start_part() {
  local part=$1
  shift
  "${SRV[@]}" "$@" >"$WORK/logs/$part.log" 2>&1 &
  PID[$part]=$!
}
# the same for redis-server and haproxy, pinned to REDIS_CPU
start_aux() {
  local part=$1
  shift
  "${AUX[@]}" "$@" >"$WORK/logs/$part.log" 2>&1 &
  PID[$part]=$!
}
wait_for() { # url
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "$1 did not answer; see $WORK/logs/" >&2
  exit 1
}
start_redis_system() {
  local sys=$1 port=$2 rp replicas=1 i p
  rp=$(free_port)
  REDIS_PORT[$sys]=$rp
  start_aux "$sys-redis" redis-server --bind 127.0.0.1 --port "$rp" --save '' --appendonly no
  until redis-cli -p "$rp" ping >/dev/null 2>&1; do sleep 0.1; done
  SYSTEM_PIDS[$sys]="${PID[$sys-redis]}"
  [[ $sys == mock-redis-x2 ]] && replicas=2
  local servers=""
  for i in $(seq 1 $replicas); do
    p=$port
    ((replicas > 1)) && p=$(free_port)
    start_part "$sys-$i" java -jar "$MOCK_JAR" --port "$p" --store "redis://127.0.0.1:$rp/0"
    wait_for "$(ready_url "$p")"
    SYSTEM_PIDS[$sys]+=" ${PID[$sys-$i]}"
    servers+="  server m$i 127.0.0.1:$p"$'\n'
  done
  PID[$sys]=${PID[$sys-1]}
  if ((replicas > 1)); then
    # the README's HAProxy configuration ("Running several replicas"), without the health checks
    printf 'defaults\n  mode http\n  timeout connect 2s\n  timeout client 30s\n  timeout server 30s\n\nfrontend mock\n  bind 127.0.0.1:%s\n  default_backend replicas\n\nbackend replicas\n  balance roundrobin\n%s' \
      "$port" "$servers" >"$WORK/$sys-haproxy.cfg"
    start_aux "$sys-haproxy" haproxy -db -f "$WORK/$sys-haproxy.cfg"
    SYSTEM_PIDS[$sys]+=" ${PID[$sys-haproxy]}"
  fi
}
start_system() {
  local sys=$1 port
  port=$(free_port)
  PORT[$sys]=$port
  if [[ $sys == mock-redis* ]]; then
    start_redis_system "$sys" "$port"
  else
    # shellcheck disable=SC2046
    "${SRV[@]}" $(cmd_of "$sys" "$port") >"$WORK/logs/$sys.log" 2>&1 &
    PID[$sys]=$!
    SYSTEM_PIDS[$sys]=${PID[$sys]}
  fi
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "$(ready_url "$port")"; then
      if [[ $sys == mock-b && $MOCK_B_DASHBOARD == 1 ]]; then
        open_dashboard "$port" &
        PID[mock-b-dashboard]=$!
      fi
      return 0
    fi
    sleep 0.1
  done
  echo "$sys did not answer on $port; see $WORK/logs/$sys.log" >&2
  exit 1
}
stop_all() {
  for sys in "${!PID[@]}"; do kill "${PID[$sys]}" 2>/dev/null || true; done
  for sys in "${!PID[@]}"; do wait "${PID[$sys]}" 2>/dev/null || true; done
  PID=()
}
trap stop_all EXIT
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
# live heap, KiB: the class histogram's total (jcmd runs a full GC first and counts only live objects)
heap_after_gc_kb() {
  jcmd "$1" GC.class_histogram | awk '$1 == "Total" {printf "%d\n", $3 / 1024}'
}

PHASES=${PHASES:-startup load memory conformance}
has() { [[ " $PHASES " == *" $1 "* ]]; }
# a partial run (without the load rounds) keeps the machine notes of the last full run
MACHINE="$OUT/machine.txt"
has load || MACHINE="$OUT/machine-${PHASES// /-}.txt"
CELL=0
OFFSET=0
CLK_TCK=$(getconf CLK_TCK)
# the mock's bound on issued authTokens (InMemoryAuthTokenStore.MAX_ISSUED_TOKENS)
MOCK_TOKEN_BOUND=$(sed -n 's/.*MAX_ISSUED_TOKENS = \([0-9_]*\);.*/\1/p' \
  "$ROOT"/mock-*/src/main/java/io/contractkit/mock/lms/InMemoryAuthTokenStore.java | tr -d _)
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "cpus=$(nproc)"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | sed -n 2p)"
  echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "wiremock=$WIREMOCK_VERSION"
  echo "javalin=$(sed -n 's:.*<javalin.version>\(.*\)</javalin.version>.*:\1:p' "$ROOT/pom.xml")"
  echo "commit=$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- mock-server || echo '+dirty')"
  echo "duration=$DURATION rounds=$ROUNDS conns=$CONNS warmup=$WARMUP pin=$PIN server_cpu=$SERVER_CPU wrk_cpu=$WRK_CPU redis_cpu=$REDIS_CPU"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$MACHINE"

# ---------------------------------------------------------------------------------------- start-up
if has startup; then
log "start-up to first answer and idle RSS: $STARTS starts per system, interleaved"
: >"$OUT/startup.jsonl"
for i in $(seq 1 "$STARTS"); do
  for sys in "${SYSTEMS[@]}"; do
    [[ $sys == mock-redis* ]] && continue
    port=$(free_port)
    # shellcheck disable=SC2046
    line=$(java -Dclk.tck="$CLK_TCK" -cp "$BARE_JAR" io.contractkit.bench.Startup "$(ready_url "$port")" 3 \
      "$WORK/logs/startup-$sys.log" "${SRV[@]}" $(cmd_of "$sys" "$port"))
    ms=${line#startup_ms=}; ms=${ms%% *}; cpu=${line#*startup_cpu_ms=}; cpu=${cpu%% *}; rss=${line##*rss_idle_kb=}
    echo "{\"system\":\"$sys\",\"start\":$i,\"startup_ms\":$ms,\"startup_cpu_ms\":$cpu,\"rss_idle_kb\":$rss}" >>"$OUT/startup.jsonl"
    log "  $sys: $line"
  done
done
fi

# ---------------------------------------------------------------------------------------- load
if has load; then
log "starting ${SYSTEMS[*]}"
for sys in "${SYSTEMS[@]}"; do start_system "$sys"; done

# Same answers from every system (body bytes, Content-Type, Cache-Control), before any load
{
  echo "| request | system | status | Content-Type | Cache-Control | body sha256 (first 12) |"
  echo "|---|---|---|---|---|---|"
  for req in "contacts-200|/api/v1/Contacts?secret=$SECRET&ip=203.0.113.1" \
    "contacts-404|/api/v1/Contacts?secret=nOsUcHsEcReT00000000&ip=2001:db8:ffff::1" \
    "lms-fresh|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=bench" \
    "lms-null|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=000000&source=bench"; do
    for sys in "${SYSTEMS[@]}"; do
      hdr=$(curl -s -D - -o "$WORK/body" "http://127.0.0.1:${PORT[$sys]}${req#*|}" | tr -d '\r')
      echo "| ${req%%|*} | $sys | $(echo "$hdr" | head -1 | cut -d' ' -f2) | $(echo "$hdr" | sed -n 's/^[Cc]ontent-[Tt]ype: //p') | $(echo "$hdr" | sed -n 's/^[Cc]ache-[Cc]ontrol: //p') | $(sha256sum "$WORK/body" | cut -c1-12) |"
    done
  done
} >"$OUT/answers.md"



# CPU time (user + system, ms) the process has used so far: with cpu_us_per_req below, a measure of
# the server's own cost per request that a busy machine skews far less than req/s
# (of every process given)
cpu_ms() { for p in "$@"; do cat "/proc/$p/stat"; done \
  | awk -v t="$CLK_TCK" '{ticks += $14 + $15} END {printf "%d\n", ticks * 1000 / t}'; }
# Redis commands so far, by command, as JSON ({} for a system without Redis)
redis_cmds() {
  local rp=${REDIS_PORT[$1]:-}
  if [[ -z $rp ]]; then echo '{}'; return; fi
  redis-cli -p "$rp" info commandstats | tr -d '\r' \
    | sed -n 's/^cmdstat_\([a-z|]*\):calls=\([0-9]*\),.*/\1 \2/p' \
    | jq -R -s 'split("\n") | map(select(length > 0) | split(" ")) | map({(.[0]): (.[1] | tonumber)}) | add // {}'
}

run_wrk() { # system workload conns seconds [pool [pace_ms]]
  local sys=$1 w=$2 c=$3 d=$4 pool=${5:-} pace=${6:-0} before res cmds_before
  CELL=$((CELL + 1))
  # shellcheck disable=SC2086
  before=$(cpu_ms ${SYSTEM_PIDS[$sys]})
  cmds_before=$(redis_cmds "$sys")
  res=$(WRK_PACE_MS=$pace "${WRK[@]}" -c"$c" -d"${d}s" --latency -s "$BENCH/wrk/workload.lua" \
    "http://127.0.0.1:${PORT[$sys]}" -- "$w" "$DATA" "$CELL" "$WRK_THREADS" "$pool" | tail -1)
  # shellcheck disable=SC2086
  echo "$res" | jq -c --argjson cpu "$(($(cpu_ms ${SYSTEM_PIDS[$sys]}) - before))" \
    --argjson b "$cmds_before" --argjson a "$(redis_cmds "$sys")" --argjson pace "$pace" --argjson c "$c" \
    '. + {cpu_ms: $cpu, cpu_us_per_req: (if .requests > 0 then ($cpu * 1000 / .requests * 10 | round / 10) else null end)}
     + (if $pace > 0 then {pace_ms: $pace, offered_rps: ($c * 1000 / $pace | floor)} else {} end)
     + (if ($a | length) > 0 then
         ($a | with_entries(.value -= ($b[.key] // 0)) | with_entries(select(.value > 0 and .key != "info"))) as $d
         | {redis_cmds: $d,
            redis_cmds_per_req: (if .requests > 0 then (($d | add // 0) / .requests * 100 | round / 100) else null end),
            redis_scripts_per_req: (if .requests > 0 then ((($d.evalsha // 0) + ($d.eval // 0)) / .requests * 100 | round / 100) else null end)}
       else {} end)'
}

log "warm-up: ${WARMUP}s per system and workload"
for sys in "${SYSTEMS[@]}"; do
  for w in contacts-200 contacts-404 lms-null; do run_wrk "$sys" "$w" 32 "$WARMUP" >/dev/null; done
done
[[ -n ${PID[wiremock]:-} ]] && curl -s -X DELETE -o /dev/null "http://127.0.0.1:${PORT[wiremock]}/__admin/requests"

: >"$OUT/results.jsonl"
declare -A MAX_RPS
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONNS; do
    for w in "${WORKLOADS[@]}"; do
      # a different system order in every round and cell
      mapfile -t order < <(printf '%s\n' "${SYSTEMS[@]}" | shuf)
      for sys in "${order[@]}"; do
        pool=""
        if [[ $w == lms-fresh ]]; then
          # sized on the system's best throughput so far in this run, twice over: never runs dry
          rps=${MAX_RPS[$sys]:-20000}
          size=$(awk -v r="$rps" -v d="$DURATION" 'BEGIN {printf "%d", r * d * 2 + 5000}')
          pool="$WORK/pool-$sys.txt"
          if [[ $sys == mock || $sys == mock-redis* ]]; then
            # The mock holds at most MOCK_TOKEN_BOUND issued authTokens (a full store answers 503): Pool
            # resets the mock first (its store then holds only the seeded tokens) and mints at most that.
            if [[ $sys == mock ]] && ((size > MOCK_TOKEN_BOUND)); then
              need=$((${rps%.*} * DURATION))
              log "  pool capped from $size to the mock's bound of $MOCK_TOKEN_BOUND issued authTokens"
              if ((need > MOCK_TOKEN_BOUND)); then
                log "  WARNING: at the mock's best so far ($rps req/s) a ${DURATION}s cell needs $need tokens and runs" \
                  "dry after about $((MOCK_TOKEN_BOUND / ${rps%.*})) s; the rest shows as pool_exhausted and unexpected" \
                  "answers (the cell is flagged): use DURATION=$((MOCK_TOKEN_BOUND / ${rps%.*})) or less"
              fi
              size=$MOCK_TOKEN_BOUND
            fi
            log "  resetting the mock and minting $size authTokens on it"
            java -cp "$BARE_JAR" io.contractkit.bench.Pool "$DATA" "$OFFSET" "$size" "$pool" "${PORT[$sys]}" >&2
          else
            java -cp "$BARE_JAR" io.contractkit.bench.Pool "$DATA" "$OFFSET" "$size" "$pool"
          fi
          OFFSET=$((OFFSET + size))
        fi
        # WireMock's default journal keeps every request; it starts empty in every cell
        [[ $sys == wiremock ]] && curl -s -X DELETE -o /dev/null "http://127.0.0.1:${PORT[wiremock]}/__admin/requests"
        pace=0
        [[ -n $RATE ]] && pace=$(awk -v c="$c" -v r="$RATE" 'BEGIN {p = int(1000 * c / r + 0.5); print (p < 1 ? 1 : p)}')
        res=$(run_wrk "$sys" "$w" "$c" "$DURATION" "$pool" "$pace")
        MAX_RPS[$sys]=$(echo "$res" | jq --argjson m "${MAX_RPS[$sys]:-0}" '[.rps, $m] | max')
        echo "$res" | jq -c --arg s "$sys" --arg w "$w" --argjson c "$c" --argjson r "$round" \
          '{system:$s, workload:$w, conns:$c, round:$r} + .' | tee -a "$OUT/results.jsonl" \
          | jq -r '"  r\(.round) \(.workload) c\(.conns) \(.system): \(.rps|floor) req/s\(if .offered_rps then " (offered \(.offered_rps))" else "" end) p99 \(.p99_us/1000) ms cpu \(.cpu_us_per_req) us/req unexpected \(.unexpected) statuses \(.statuses|tostring)\(if .redis_cmds_per_req then " redis: \(.redis_scripts_per_req) scripts and \(.redis_cmds_per_req) commands per request \(.redis_cmds|tostring)" else "" end)"' >&2
      done
    done
  done
done

: >"$OUT/rss.jsonl"
for sys in "${SYSTEMS[@]}"; do
  echo "{\"system\":\"$sys\",\"rss_after_load_kb\":$(rss_kb "${PID[$sys]}"),\"heap_after_gc_kb\":$(heap_after_gc_kb "${PID[$sys]}")}" >>"$OUT/rss.jsonl"
done
echo "mock_log_lines=$(wc -l <"$WORK/logs/mock.log")" >>"$OUT/machine.txt"
stop_all
fi

# ---------------------------------------------------------------------------------------- memory
if has memory; then
log "memory: a fresh mock under ${MEM_SECONDS}s of mixed contacts load (128 connections), sampled every 5 s"
start_system mock
: >"$OUT/memory.jsonl"
CELL=$((CELL + 1))
"${WRK[@]}" -c128 -d"${MEM_SECONDS}s" --latency -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:${PORT[mock]}" \
  -- mixed "$DATA" "$CELL" "$WRK_THREADS" | tail -1 >"$OUT/memory-wrk.json" &
wrk_pid=$!
t0=$(date +%s)
while kill -0 "$wrk_pid" 2>/dev/null; do
  echo "{\"t\":$(($(date +%s) - t0)),\"rss_kb\":$(rss_kb "${PID[mock]}"),\"heap_after_gc_kb\":$(heap_after_gc_kb "${PID[mock]}")}" >>"$OUT/memory.jsonl"
  sleep 5
done
wait "$wrk_pid" || true
echo "{\"t\":$(($(date +%s) - t0)),\"rss_kb\":$(rss_kb "${PID[mock]}"),\"heap_after_gc_kb\":$(heap_after_gc_kb "${PID[mock]}"),\"after\":true}" >>"$OUT/memory.jsonl"
stop_all
fi

# ---------------------------------------------------------------------------------------- conformance
if has conformance; then
log "conformance suite against a fresh mock (not pinned): $CONF_RUNS runs"
port=$(free_port)
java -jar "$MOCK_JAR" --port "$port" >"$WORK/logs/mock-conformance.log" 2>&1 &
PID[mock]=$!
until curl -sf -o /dev/null "$(ready_url "$port")"; do sleep 0.1; done
mkdir -p "$WORK/conformance"
# From the repository root with relative paths, so that the command recorded in conformance.json names
# no path outside the repository.
(cd "$ROOT" && hyperfine --style basic --runs "$CONF_RUNS" --warmup 1 \
  --prepare "curl -s -X POST -o /dev/null http://127.0.0.1:$port/__admin/reset" \
  --export-json "$OUT/conformance.json" \
  "java -jar ${CONF_JAR#"$ROOT/"} --profile conformance-tests/profiles/mock.yaml --base-url http://127.0.0.1:$port --report-dir ${WORK#"$ROOT/"}/conformance/conformance-report" >&2)
stop_all
fi
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$MACHINE"

if "$BENCH/report.sh" "$OUT"; then
  log "done: $OUT/results.md, $OUT/chart.svg"
else
  log "done; report.sh needs the data of every phase and system for results.md (a partial run has only the raw data in $OUT)"
fi
