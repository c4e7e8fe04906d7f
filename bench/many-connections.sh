#!/usr/bin/env bash
# A million connections: conns and read --format none against tcpdump on the same file, interleaved
# run by run so that all three see the same host load; then both again in a 256 MiB heap, their
# output compared with the default heap's.
#
#   bench/many-connections.sh [CAPTURE]   (default: bench/out/many.pcap, made here if missing:
#                                          bin/traffic-gen synth --flows 1000000 --packets 7000000, 640 MB)
#
# Prints the median and minimum wall time of ROUNDS (default 5) rounds, packets/s at the median,
# and the largest peak RSS, for each. Needs tcpdump, capinfos and GNU time
# (apt-get install tcpdump wireshark-common time).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-5}"
FILE="${1:-$ROOT/bench/out/many.pcap}"
for tool in tcpdump capinfos /usr/bin/time sha256sum; do
  command -v "$tool" >/dev/null || { echo "many-connections: $tool is missing (apt-get install tcpdump wireshark-common time)" >&2; exit 3; }
done
"$ROOT/bin/build-if-needed"
if [ ! -f "$FILE" ]; then
  mkdir -p "$(dirname "$FILE")"
  "$ROOT/bin/traffic-gen" synth --flows 1000000 --packets 7000000 -o "$FILE"
fi
packets=$(capinfos -c -M "$FILE" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
cat "$FILE" > /dev/null   # page cache warm for everyone alike
t="$(mktemp)"; trap 'rm -f "$t"' EXIT

# one NAME CMD...: appends "wall peak-KB" of one run to the file named NAME, output discarded
one() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$t" "$@" > /dev/null 2>&1 || { echo "many-connections: $* failed" >&2; exit 1; }
  tail -1 "$t" >> "$name"
}
report() { # label file
  sort -n "$2" | awk -v n="$1" -v p="$packets" '{w[NR]=$1; if ($2 > r) r = $2}
    END {m = w[int((NR+1)/2)]; printf "| %-44s | %6.2f | %6.2f | %10.0f | %7.0f |\n", n, m, w[1], p / m, r / 1024}'
}

dir="$(mktemp -d)"; trap 'rm -rf "$dir" "$t"' EXIT
for _ in $(seq "$ROUNDS"); do
  one "$dir/conns" "$ROOT/bin/analyzer" conns "$FILE"
  one "$dir/read" "$ROOT/bin/analyzer" read "$FILE" --format none
  one "$dir/tcpdump" tcpdump -r "$FILE" -w /dev/null
done
one "$dir/conns256" env TCPLAB_JAVA_OPTS=-Xmx256m "$ROOT/bin/analyzer" conns "$FILE"
one "$dir/read256" env TCPLAB_JAVA_OPTS=-Xmx256m "$ROOT/bin/analyzer" read "$FILE" --format none

echo "$FILE: $packets packets; $(nproc) cores; $ROUNDS interleaved rounds (the 256 MiB runs once)"
echo
echo "| run | median s | min s | packets/s | peak RSS MB |"
echo "|---|---|---|---|---|"
report "bin/analyzer conns FILE > /dev/null" "$dir/conns"
report "bin/analyzer read FILE --format none" "$dir/read"
report "tcpdump -r FILE -w /dev/null" "$dir/tcpdump"
report "conns, -Xmx256m" "$dir/conns256"
report "read --format none, -Xmx256m" "$dir/read256"
echo
# the same output in a quarter of the default heap
# (read --format none prints its counts and its rate: the rate is left out of the comparison)
for cmd in "conns $FILE" "conns $FILE --format jsonl" "read $FILE --format none"; do
  # shellcheck disable=SC2086
  a=$("$ROOT/bin/analyzer" $cmd 2>&1 | sed 's/ in [0-9.]* s (.*//' | sha256sum | cut -c1-16)
  # shellcheck disable=SC2086
  b=$(TCPLAB_JAVA_OPTS=-Xmx256m "$ROOT/bin/analyzer" $cmd 2>&1 | sed 's/ in [0-9.]* s (.*//' | sha256sum | cut -c1-16)
  [ "$a" = "$b" ] && same=identical || same=DIFFERENT
  echo "analyzer $cmd: default heap $a, -Xmx256m $b: $same"
done
