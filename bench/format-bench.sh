#!/usr/bin/env bash
# The read formatters and the analysis passes, each paired with tcpdump on the same file in one
# farm-bench call (runs alternate A B A B, so both see the same host load), whole process, JVM
# start included. With BASE_JAR=old.jar each tcplab row is also paired with that build (A/B).
#
#   bench/format-bench.sh [CAPTURE]    (default bench/out/big.pcap; read-bench.sh makes it)
#   RUNS=9 BASE_JAR=/tmp/base.jar bench/format-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
FILE="${1:-$ROOT/bench/out/big.pcap}"
command -v farm-bench >/dev/null || { echo "format-bench: farm-bench is missing" >&2; exit 3; }
command -v tcpdump >/dev/null || { echo "format-bench: tcpdump is missing (apt-get install tcpdump)" >&2; exit 3; }
[ -f "$FILE" ] || { echo "format-bench: $FILE: no such file (bench/read-bench.sh makes it)" >&2; exit 3; }
"$ROOT/bin/build-if-needed"
packets=$(capinfos -c -M "$FILE" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
cat "$FILE" > /dev/null
echo "capture: $FILE ($packets packets); $(nproc) cores; medians of $RUNS paired runs"
echo
echo "| run | tcplab s | tcplab packets/s | tcpdump s | tcpdump packets/s | tcplab/tcpdump${BASE_JAR:+ | base s | new/base} |"
echo "|---|---|---|---|---|---${BASE_JAR:+|---|---}|"

# median wall seconds of A and B, and the median A/B ratio, from farm-bench's report
medians() { awk '/^A wall s/ {a=$5} /^B wall s/ {b=$5} /^A\/B wall/ {r=$4} END {print a, b, r}'; }

row() { # NAME ARGS... (the analyzer's arguments; output to /dev/null)
  local name="$1"; shift
  local quoted; quoted=$(printf ' %q' "$@")
  read -r a b r < <(farm-bench -n "$RUNS" --timeout 3600 --vs "tcpdump -r $FILE -w /dev/null" \
      -- sh -c "exec $ROOT/bin/analyzer$quoted >/dev/null 2>&1" 2>&1 | medians)
  local extra=""
  if [ -n "${BASE_JAR:-}" ]; then
    local report; report=$(farm-bench -n "$RUNS" --timeout 3600 \
        --vs "sh -c 'exec java -jar $BASE_JAR$quoted >/dev/null 2>&1'" \
        -- sh -c "exec java -jar $ROOT/analyzer/target/analyzer-all.jar$quoted >/dev/null 2>&1" 2>&1)
    if grep -q '^B exit 0 ' <<<"$report"; then
      read -r _ base ratio < <(medians <<<"$report")
      extra=$(printf ' | %.2f | %.2f' "$base" "$ratio")
    else
      extra=" | (the base refuses these options) |"   # e.g. -Y before display filters existed
    fi
  fi
  awk -v n="$name" -v a="$a" -v b="$b" -v r="$r" -v p="$packets" -v x="$extra" \
    'BEGIN { printf "| %s | %.2f | %.0f | %.2f | %.0f | %.2f%s |\n", n, a, p / a, b, p / b, r, x }'
}

row "read --format jsonl" read "$FILE" --format jsonl
row "read (text)" read "$FILE"
row "read -Y 'tcp.analysis.retransmission or tcp.flags.reset==1'" read "$FILE" -Y 'tcp.analysis.retransmission or tcp.flags.reset==1'
row "read --format none" read "$FILE" --format none
row "read --basic --format none" read "$FILE" --basic --format none
row "conns" conns "$FILE"
