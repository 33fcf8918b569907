#!/usr/bin/env bash
# What each per-request feature of the mock costs, measured by switching it off from the outside
# (no code change): the same jar, started with
#   default       the mock as shipped
#   no-log        --no-request-log                                  (the per-request log line off)
#   journal-1     --journal-size 1                                  (the journal cannot be switched off)
# plus the workload contacts-200-noip (no ip: the throttle is not consulted) against the default mock,
# and the bare Javalin ceiling. Rounds interleaved, medians quoted.
#   bench/ablate.sh        (after bench/run.sh built the jars and generated bench/.work/data)
# Knobs: DURATION (8), ROUNDS (3), CONNS (32), PIN (1). Writes bench/results/ablation.{jsonl,md}.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
DURATION=${DURATION:-8}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-32}
PIN=${PIN:-1}
DATA="$BENCH/.work/data"
OUT="$BENCH/results"
MOCK_JAR="$ROOT/mock-server/target/mock-server.jar"
BARE_JAR="$BENCH/bare-javalin/target/bare-javalin.jar"
mkdir -p "$OUT" "$BENCH/.work/logs"
if [[ $PIN == 1 ]]; then SRV=(taskset -c 1); WRK=(taskset -c 0 wrk -t1); T=1; else SRV=(); WRK=(wrk -t2); T=2; fi

declare -A PORT PID
VARIANTS=(default no-log journal-1 bare)
for v in "${VARIANTS[@]}"; do
  PORT[$v]=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  case $v in
    default) cmd=(java -jar "$MOCK_JAR" --port "${PORT[$v]}") ;;
    no-log) cmd=(java -jar "$MOCK_JAR" --port "${PORT[$v]}" --no-request-log) ;;
    journal-1) cmd=(java -jar "$MOCK_JAR" --port "${PORT[$v]}" --journal-size 1) ;;
    bare) cmd=(java -jar "$BARE_JAR" "${PORT[$v]}" "$ROOT/fixtures") ;;
  esac
  "${SRV[@]}" "${cmd[@]}" >"$BENCH/.work/logs/ablate-$v.log" 2>&1 &
  PID[$v]=$!
done
trap 'for v in "${!PID[@]}"; do kill "${PID[$v]}" 2>/dev/null || true; done' EXIT
secret=$(head -1 "$DATA/secrets.txt")
for v in "${VARIANTS[@]}"; do
  until curl -sf -o /dev/null "http://127.0.0.1:${PORT[$v]}/api/v1/Contacts?secret=$secret&ip=203.0.113.1"; do sleep 0.2; done
done

cell=5000
run() { # variant workload seconds
  cell=$((cell + 1))
  "${WRK[@]}" -c"$CONNS" -d"$3s" --latency -s "$BENCH/wrk/workload.lua" "http://127.0.0.1:${PORT[$1]}" \
    -- "$2" "$DATA" "$cell" "$T" | tail -1
}
for v in "${VARIANTS[@]}"; do for w in contacts-200 contacts-404; do run "$v" "$w" 5 >/dev/null; done; done

: >"$OUT/ablation.jsonl"
for r in $(seq 1 "$ROUNDS"); do
  for w in contacts-200 contacts-404 contacts-200-noip; do
    mapfile -t order < <(printf '%s\n' "${VARIANTS[@]}" | shuf)
    for v in "${order[@]}"; do
      [[ $w == contacts-200-noip && $v != default && $v != bare ]] && continue
      run "$v" "$w" "$DURATION" | jq -c --arg v "$v" --arg w "$w" --argjson r "$r" '{variant:$v, workload:$w, round:$r} + .' \
        | tee -a "$OUT/ablation.jsonl" | jq -r '"  r\(.round) \(.workload) \(.variant): \(.rps|floor) req/s p99 \(.p99_us/1000) ms unexpected \(.unexpected)"' >&2
    done
  done
done

{
  echo "| workload | variant | req/s (median) | vs default | p99 ms (median) | unexpected |"
  echo "|---|---|---:|---:|---:|---:|"
  jq -rs 'def median: sort | if length % 2 == 1 then .[length/2|floor] else (.[length/2-1] + .[length/2]) / 2 end;
    group_by([.workload, .variant]) | map({workload: .[0].workload, variant: .[0].variant,
      rps: (map(.rps) | median), p99: (map(.p99_us) | median / 1000), unexpected: (map(.unexpected) | add)}) |
    . as $all | sort_by(.workload)[] | . as $c |
    ($all | map(select(.workload == $c.workload and .variant == "default"))[0].rps) as $d |
    "| \(.workload) | \(.variant) | \(.rps | floor) | \(if $d then (.rps / $d * 100 | round / 100 | tostring) + "x" else "" end) | \(.p99 * 100 | round / 100) | \(.unexpected) |"
  ' "$OUT/ablation.jsonl"
} >"$OUT/ablation.md"
cat "$OUT/ablation.md"
