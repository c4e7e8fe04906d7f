#!/usr/bin/env bash
# Reading and annotating a large capture: tcplab against tshark and tcpdump on the same file.
#
#   bench/read-bench.sh [CAPTURE]      (default: generates bench/out/big.pcap, 20,000 flows, 2 M packets)
#
# Prints wall time, packets/s and peak RSS for each tool; our runs are the median of RUNS (default 5)
# and run with -Xmx512m to show the heap bound. Needs tshark, tcpdump and GNU time
# (apt-get install tshark tcpdump time).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
FILE="${1:-$ROOT/bench/out/big.pcap}"
"$ROOT/bin/build-if-needed"
for tool in tshark tcpdump /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "read-bench: $tool is missing (apt-get install tshark tcpdump time)" >&2; exit 3; }
done
if [ ! -f "$FILE" ]; then
  mkdir -p "$(dirname "$FILE")"
  "$ROOT/bin/traffic-gen" synth --flows 20000 --packets 2000000 -o "$FILE"
fi
packets=$(capinfos -c -M "$FILE" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
size_mb=$(( $(stat -c %s "$FILE") / 1000000 ))
cat "$FILE" > /dev/null   # page cache warm for everyone alike

# run NAME CMD...: wall seconds and peak RSS (KB) of one run, output discarded
one() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
report() { # name "secs rss"
  local name="$1" secs rss
  read -r secs rss <<<"$2"
  awk -v n="$name" -v s="$secs" -v r="$rss" -v p="$packets" \
    'BEGIN { printf "| %-44s | %7.2f | %12.0f | %7.0f |\n", n, s, p / s, r / 1024 }'
}

export TCPLAB_JAVA_OPTS="-Xmx512m"
echo "capture: $FILE ($packets packets, $size_mb MB); $(nproc) cores; median of $RUNS runs for tcplab"
echo
echo "| run | seconds | packets/s | peak RSS MB |"
echo "|---|---|---|---|"
report "tcplab read --format none (annotate, no output)" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" read "$FILE" --format none; done | median)"
report "tcplab read --basic --format none (tshark's fields only)" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" read "$FILE" --basic --format none; done | median)"
report "tcplab read --format jsonl > /dev/null" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" read "$FILE" --format jsonl; done | median)"
report "tcplab read (text) > /dev/null" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" read "$FILE"; done | median)"
report "tcplab conns > /dev/null (connection analysis, summaries)" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" conns "$FILE"; done | median)"
report "tcplab conns --format jsonl > /dev/null" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" conns "$FILE" --format jsonl; done | median)"
report "tcplab conv > /dev/null" "$(for _ in $(seq "$RUNS"); do one "$ROOT/bin/analyzer" conv "$FILE"; done | median)"
report "tcpdump -r FILE -w /dev/null" "$(for _ in $(seq "$RUNS"); do one tcpdump -r "$FILE" -w /dev/null; done | median)"
report "tshark -r FILE -T fields -e tcp.seq -e tcp.ack" "$(one tshark -r "$FILE" -T fields -e tcp.seq -e tcp.ack)"
echo
echo "in-JVM rate of the annotate pass (JVM start-up excluded), full analysis, then --basic:"
"$ROOT/bin/analyzer" read "$FILE" --format none
"$ROOT/bin/analyzer" read "$FILE" --basic --format none
