#!/usr/bin/env bash
# Turns the raw results of bench/run.sh (OUT/*.jsonl) into OUT/results.md and OUT/chart.svg.
#   bench/report.sh [OUT]
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
OUT=${1:-$BENCH/results}
cd "$OUT"

median='include "median"; '
jq() { command jq -L "$BENCH" "$@"; }

# medians per cell: system, workload, conns -> rps, p50, p99, p99.9 (ms), unexpected (sum), rounds
jq -s "$median"'
  group_by([.workload, .conns, .system]) | map({
    workload: .[0].workload, conns: .[0].conns, system: .[0].system, rounds: length,
    rps: (map(.rps) | median), p50: (map(.p50_us) | median / 1000), p99: (map(.p99_us) | median / 1000),
    p999: (map(.p999_us) | median / 1000), unexpected: (map(.unexpected) | add),
    socket_errors: (map(.socket_errors) | add), exhausted: (map(.pool_exhausted) | add),
    statuses: (map(.statuses | to_entries[]) | group_by(.key) | map({key: .[0].key, value: (map(.value) | add)}) | from_entries)
  })' results.jsonl >medians.json

order='{"contacts-200":1,"contacts-404":2,"lms-fresh":3,"lms-null":4}'
sysorder='{"mock":1,"wiremock":2,"wiremock-tuned":3,"bare":4}'

{
  echo "## Results"
  echo
  sed 's/^/    /' machine.txt
  echo
  echo "Medians over the rounds; latency in ms (wrk's percentiles); \"unexpected\" counts answers with another"
  echo "status or body than the workload expects, \"socket errors\" wrk's connect/read/write errors and timeouts (2 s),"
  echo "both summed over the rounds — both must be 0 for a clean cell."
  echo
  echo "| workload | conns | system | req/s | p50 | p99 | p99.9 | vs mock | unexpected | socket errors | statuses (all rounds) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
  jq -r --argjson o "$order" --argjson so "$sysorder" '
    (map({key: "\(.workload) \(.conns)", value: .rps}) | map(select(true)) ) as $x |
    . as $all |
    sort_by([$o[.workload], .conns, $so[.system]])[] |
    . as $r | ($all | map(select(.workload == $r.workload and .conns == $r.conns and .system == "mock"))[0].rps) as $m |
    "| \(.workload) | \(.conns) | \(.system) | \(.rps|floor) | \(.p50*100|round/100) | \(.p99*100|round/100) | \(.p999*100|round/100) | \(if $m then (.rps/$m*100|round/100|tostring) + "x" else "" end) | \(.unexpected) | \(.socket_errors) | \(.statuses|to_entries|map("\(.key): \(.value)")|join(", ")) |"
  ' medians.json
  echo
  echo "### Targets"
  echo
  echo "| target | measured | holds |"
  echo "|---|---|---|"
  jq -r '
    def cell($w; $c; $s): map(select(.workload == $w and .conns == $c and .system == $s))[0];
    def r2: . * 100 | round / 100;
    . as $all |
    ([.[].conns] | unique) as $conns |
    ( ["contacts-200", "contacts-404"][] as $w | $conns[] as $c |
      ($all | cell($w; $c; "mock")) as $m |
      ( ["wiremock", 3], ["wiremock-tuned", 2] ) as [$s, $x] |
      ($all | cell($w; $c; $s)) as $o | select($m != null and $o != null) |
      "| \($w) at \($c): mock ≥ \($x)x \($s) | \($m.rps / $o.rps | r2)x | \(if $m.rps >= $x * $o.rps then "yes" else "**no**" end) |"
    ),
    ( ["contacts-200", "contacts-404"][] as $w | $conns[] as $c |
      ($all | cell($w; $c; "mock")) as $m | ($all | cell($w; $c; "bare")) as $b |
      select($m != null and $b != null) |
      "| \($w) at \($c): mock ≥ 80% of bare Javalin | \($m.rps / $b.rps * 100 | round)% | \(if $m.rps >= 0.8 * $b.rps then "yes" else "**no**" end) |"
    ),
    ( ["contacts-200", "contacts-404", "lms-fresh", "lms-null"][] as $w |
      ($all | cell($w; 32; "mock")) as $m | ($all | cell($w; 32; "bare")) as $b |
      select($m != null and $b != null) |
      "| \($w) at 32: mock p99 ≤ 1.5x bare p99 | \($m.p99 | r2) ms vs \($b.p99 | r2) ms = \($m.p99 / $b.p99 | r2)x | \(if $m.p99 <= 1.5 * $b.p99 then "yes" else "**no**" end) |"
    )
  ' medians.json
  jq -rs "$median"'
    group_by(.system) | map({key: .[0].system, value: (map(.startup_ms) | median)}) | from_entries |
    "| start-up to first answer: mock ≤ 1.3x bare | \(.mock) ms vs \(.bare) ms = \(.mock / .bare * 100 | round / 100)x | \(if .mock <= 1.3 * .bare then "yes" else "**no**" end) |",
    "| start-up to first answer: mock < WireMock | \(.mock) ms vs \(.wiremock) ms | \(if .mock < .wiremock then "yes" else "**no**" end) |"
  ' startup.jsonl
  jq -rs '
    (map(select(.after | not)) | .[length/2|floor:]) as $late |
    ($late | map(.heap_after_gc_kb) | max / 1024 | round) as $max |
    (.[-1].heap_after_gc_kb / 1024 | round) as $last |
    (.[1].heap_after_gc_kb / 1024 | round) as $early | .[1].t as $t1 |
    "| memory bounded under \(.[-1].t) s of load | live heap after GC: \($early) MiB at \($t1) s, \($max) MiB max in the second half, \($last) MiB at the end; RSS \(map(.rss_kb) | max / 1024 | round) MiB max | see the samples |"
  ' memory.jsonl
  jq -r '.results[0] | "| conformance suite against the local mock < 15 s | median \(.median * 100 | round / 100) s (\(.times | length) runs, min \(.min * 100 | round / 100) s, max \(.max * 100 | round / 100) s) | \(if .median < 15 then "yes" else "**no**" end) |"' conformance.json
  echo
  echo "### Start-up and memory"
  echo
  echo "| system | start-up to first answer (median ms) | all starts (ms) | RSS idle (median MiB) | RSS after the load rounds (MiB) | live heap after GC after the load rounds (MiB) |"
  echo "|---|---:|---|---:|---:|---:|"
  jq -rs --slurpfile rss <(jq -s . rss.jsonl) --argjson so "$sysorder" "$median"'
    group_by(.system) | sort_by($so[.[0].system])[] | .[0].system as $s |
    ($rss[0] | map(select(.system == $s))[0]) as $r |
    "| \($s) | \(map(.startup_ms) | median) | \(map(.startup_ms) | map(tostring) | join(", ")) | \(map(.rss_idle_kb) | median / 1024 | round) | \($r.rss_after_load_kb / 1024 | round) | \($r.heap_after_gc_kb / 1024 | round) |"
  ' startup.jsonl
  echo
  echo "Memory run (a fresh mock, \`mixed\` workload: contacts 200 and 404 alternately, a new ip for every 404):"
  echo
  echo "| t (s) | RSS (MiB) | live heap after GC (MiB) |"
  echo "|---:|---:|---:|"
  jq -r '"| \(.t)\(if .after then " (load over)" else "" end) | \(.rss_kb / 1024 | round) | \(.heap_after_gc_kb / 1024 | round) |"' memory.jsonl
  jq -r '"\nMemory run load: \(.rps | floor) req/s, unexpected \(.unexpected), statuses \(.statuses | tostring)."' memory-wrk.json
  echo
  echo "### Same answers from every system"
  echo
  cat answers.md
} >results.md

# chart: throughput and p99 per workload and connection count, one bar per system
jq -r --argjson o "$order" '
  group_by([.workload, .conns]) | sort_by([$o[.[0].workload], .[0].conns])[] |
  (map({key: .system, value: .}) | from_entries) as $s |
  "\"\(.[0].workload)\\n\(.[0].conns) conns\" \($s.mock.rps // 0) \($s.wiremock.rps // 0) \($s["wiremock-tuned"].rps // 0) \($s.bare.rps // 0) \($s.mock.p99 // 0) \($s.wiremock.p99 // 0) \($s["wiremock-tuned"].p99 // 0) \($s.bare.p99 // 0)"
' medians.json >chart.dat
gnuplot <<'EOF'
set terminal svg size 1100,880 dynamic font "sans,11" background "white"
set output "chart.svg"
set multiplot layout 2,1 title "contract-kit mock vs WireMock 3.13.2 vs bare Javalin (medians; see results.md)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set key outside top center horizontal
set bmargin 3.5
set ylabel "requests / s"
set yrange [0:*]
plot "chart.dat" using 2:xtic(1) title "mock" lc rgb "#1f77b4", \
     "" using 3 title "WireMock default" lc rgb "#d62728", \
     "" using 4 title "WireMock tuned" lc rgb "#ff7f0e", \
     "" using 5 title "bare Javalin" lc rgb "#2ca02c"
set ylabel "p99 latency (ms, log scale)"
set logscale y
set yrange [*:*]
plot "chart.dat" using 6:xtic(1) title "mock" lc rgb "#1f77b4", \
     "" using 7 title "WireMock default" lc rgb "#d62728", \
     "" using 8 title "WireMock tuned" lc rgb "#ff7f0e", \
     "" using 9 title "bare Javalin" lc rgb "#2ca02c"
unset multiplot
EOF
echo "wrote $OUT/results.md and $OUT/chart.svg" >&2
